import { Stack, Typography } from '@mui/material';
import { formatDate, formatTime } from '../calendar/format-date';
import { useNow } from '../calendar/use-now';
import { useKioskI18n } from './kiosk-i18n';

/** 查詢日期 / 查詢時間 in the ROC calendar, as the manual's screens show them. */
export const KioskClock = () => {
  const { t } = useKioskI18n();
  const now = useNow();
  return (
    <Stack direction="row" spacing={3} data-testid="kiosk-clock" sx={{ whiteSpace: 'nowrap' }}>
      <Typography sx={{ fontSize: '1.1rem' }}>
        {t('kiosk.queryDate')} {formatDate(now, 'roc')}
      </Typography>
      <Typography sx={{ fontSize: '1.1rem' }}>
        {t('kiosk.queryTime')} {formatTime(now)}
      </Typography>
    </Stack>
  );
};
