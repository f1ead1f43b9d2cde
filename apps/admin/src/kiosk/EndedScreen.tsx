import { Button, Stack, Typography } from '@mui/material';
import { useKioskI18n } from './kiosk-i18n';
import type { EndReason } from './use-kiosk-session';

/** After a session: why it ended, and the way back to the teller's step. */
export const EndedScreen = ({ reason, onRestart }: { reason: EndReason; onRestart: () => void }) => {
  const { t } = useKioskI18n();
  return (
    <Stack spacing={3} data-testid="kiosk-ended" data-reason={reason}>
      <Typography variant="h3">{t('kiosk.ended.title')}</Typography>
      <Typography variant="h5">{t(`kiosk.ended.${reason}`)}</Typography>
      <Typography variant="h6">{t('kiosk.ended.text')}</Typography>
      <Button size="large" sx={{ alignSelf: 'flex-start' }} onClick={onRestart}>
        {t('kiosk.staff.title')}
      </Button>
    </Stack>
  );
};
