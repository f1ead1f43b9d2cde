import { Box, Card, CardContent, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { formatDate, formatTime } from '../calendar/format-date';
import { useCalendar } from '../calendar/use-calendar';
import { useNow } from '../calendar/use-now';

/** Who is signed in, where, and the query date and time in the chosen calendar. */
export const Welcome = ({ queriedAt }: { queriedAt?: string }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [calendar] = useCalendar();
  const now = useNow();
  const rows: [string, string, string][] = [
    [
      'branch',
      translate('dashboard.branch'),
      identity?.branch ? `${identity.branch.code} ${identity.branch.name}` : '',
    ],
    ['role', translate('dashboard.role'), identity?.role ? translate(`enums.StaffRole.${identity.role}`) : ''],
    ['query-date', translate('dashboard.queryDate'), formatDate(now, calendar)],
    ['query-time', translate('dashboard.queryTime'), formatTime(now)],
    [
      'figures-queried-at',
      translate('dashboard.figuresQueriedAt'),
      queriedAt ? formatDate(new Date(queriedAt), calendar, true) : '',
    ],
  ];
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content auto', columnGap: 3, rowGap: 1, m: 0 }}
        >
          {rows.map(([id, label, value]) => (
            <Box key={id} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {label}
              </Typography>
              <Typography component="dd" sx={{ m: 0 }} data-testid={id}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};
