import { Box, LinearProgress, Typography } from '@mui/material';
import { useKioskI18n } from './kiosk-i18n';

/** What the page is waiting for, worded for the customer; a moving bar so the screen never looks frozen. */
export const ProgressPanel = ({ messageKey, params }: { messageKey: string; params?: Record<string, unknown> }) => {
  const { t } = useKioskI18n();
  return (
    <Box role="status" aria-live="polite" data-testid="kiosk-progress" sx={{ my: 4 }}>
      <Typography variant="h5" sx={{ mb: 2 }}>
        {t(messageKey, params)}
      </Typography>
      <LinearProgress sx={{ height: 12, borderRadius: 6 }} />
    </Box>
  );
};
