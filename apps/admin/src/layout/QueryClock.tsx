import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, formatTime } from '../calendar/format-date';
import { useCalendar } from '../calendar/use-calendar';
import { useNow } from '../calendar/use-now';

/** 查詢日期 / 查詢時間 on every screen, as the old platform showed them, in the chosen calendar. */
export const QueryClock = () => {
  const translate = useTranslate();
  const [calendar] = useCalendar();
  const now = useNow();
  return (
    <Box data-testid="query-clock" sx={{ display: { xs: 'none', md: 'flex' }, gap: 2, mr: 2, whiteSpace: 'nowrap' }}>
      <Typography variant="body2">
        {translate('dashboard.queryDate')} {formatDate(now, calendar)}
      </Typography>
      <Typography variant="body2">
        {translate('dashboard.queryTime')} {formatTime(now)}
      </Typography>
    </Box>
  );
};
