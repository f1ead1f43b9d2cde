import { Alert, Button, Stack } from '@mui/material';
import { manualCodeOf } from '../i18n/error-messages';
import { useKioskI18n } from './kiosk-i18n';

/** 6025: the CA is still signing — not a failure; the customer may try again or come back later. */
export const IssuingNotice = ({ onRetry }: { onRetry: () => void }) => {
  const { t } = useKioskI18n();
  return (
    <Stack spacing={3}>
      <Alert severity="info" data-code="CA_ISSUING" sx={{ fontSize: '1.3rem' }}>
        {t('kiosk.result.issuing')} ({manualCodeOf('CA_ISSUING')})
      </Alert>
      <Button size="large" variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={onRetry}>
        {t('kiosk.result.retry')}
      </Button>
    </Stack>
  );
};
