import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useKioskI18n } from '../kiosk-i18n';

/** 暫禁 with two confirmations: a hold works at once and only the counter can release it. */
export const SuspendButton = ({ serial, onSuspend }: { serial: string; onSuspend: () => Promise<void> }) => {
  const { t } = useKioskI18n();
  const [stage, setStage] = useState<0 | 1 | 2>(0);
  const [busy, setBusy] = useState(false);
  if (stage === 0)
    return (
      <Button variant="outlined" color="warning" onClick={() => setStage(1)}>
        {t('kiosk.certificates.suspend')}
      </Button>
    );
  return (
    <Stack spacing={1} data-testid="suspend-confirm">
      <Alert severity="warning">
        {t(stage === 1 ? 'kiosk.certificates.suspendConfirm' : 'kiosk.certificates.suspendConfirmAgain', { serial })}
      </Alert>
      <Stack direction="row" spacing={1}>
        <Button onClick={() => setStage(0)}>{t('kiosk.certificates.cancel')}</Button>
        <Button
          variant="contained"
          color="warning"
          disabled={busy}
          onClick={() => {
            if (stage === 1) return setStage(2);
            setBusy(true);
            void onSuspend().finally(() => {
              setBusy(false);
              setStage(0);
            });
          }}
        >
          {t('kiosk.certificates.suspendYes')}
        </Button>
      </Stack>
    </Stack>
  );
};
