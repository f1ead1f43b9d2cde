import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled card of the dashboard. */
export const FigureCard = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card component="section" aria-label={title} data-testid={testId} sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);
