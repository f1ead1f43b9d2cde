import { Box, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';

export interface FigureLinkProps {
  /** Names the figure for tests and for the link's accessible name. */
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** The filtered list the figure counts. */
  readonly to: string;
  /** Drawn in the warning colour when above zero: something waits for someone. */
  readonly attention?: boolean;
}

/** One figure as text: its label and a number that opens the list of exactly those rows. */
export const FigureLink = ({ id, label, value, to, attention = false }: FigureLinkProps) => (
  <Box sx={{ display: 'contents' }}>
    <Typography component="dt" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" sx={{ m: 0, textAlign: 'right' }}>
      <Link
        component={RouterLink}
        to={to}
        data-testid={`figure-${id}`}
        aria-label={`${label} ${value}`}
        color={attention && value > 0 ? 'warning.main' : 'primary'}
        sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Link>
    </Typography>
  </Box>
);

/** A two-column list of figures. */
export const FigureList = ({ children }: { children: React.ReactNode }) => (
  <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '1fr max-content', columnGap: 3, rowGap: 1, m: 0 }}>
    {children}
  </Box>
);
