import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { PinField } from '../apply/PinField';
import { changeTokenPin } from '../apply/token-login';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { PinStateNotice } from './PinStateNotice';
import { useToken } from './use-token';

/** 變更載具密碼: the old PIN, the new one twice; the last try before the lock only after a warning. */
export const PinChange = ({ agent }: { agent: AgentClient }) => {
  const { t } = useKioskI18n();
  const { token, refresh } = useToken(agent);
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [warned, setWarned] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const finalTry = !!token?.pin.finalTry && !warned;
  const mismatch = again !== '' && again !== newPin;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    changeTokenPin(agent, oldPin, newPin, warned)
      .then(() => setDone(true))
      .catch((e: unknown) => setError(toKioskError(e)))
      .finally(() => {
        setOldPin('');
        setNewPin('');
        setAgain('');
        setWarned(false);
        setBusy(false);
        void refresh();
      });
  };

  return (
    <Stack component="form" spacing={3} onSubmit={submit} sx={{ maxWidth: 640 }}>
      <Typography variant="h4">{t('kiosk.home.pin')}</Typography>
      <PinStateNotice token={token} />
      {done ? (
        <Alert severity="success" data-testid="pin-changed" sx={{ fontSize: '1.3rem' }}>
          {t('kiosk.pin.changed')}
        </Alert>
      ) : (
        <>
          <PinField
            label={t('kiosk.pin.old')}
            value={oldPin}
            onChange={setOldPin}
            finalTry={finalTry}
            onAcceptFinalTry={() => setWarned(true)}
          />
          <TextField
            label={t('kiosk.pin.new')}
            type="password"
            value={newPin}
            onChange={(e) => setNewPin(e.target.value)}
          />
          <TextField
            label={t('kiosk.pin.again')}
            type="password"
            value={again}
            error={mismatch}
            helperText={mismatch ? t('kiosk.pin.mismatch') : ' '}
            onChange={(e) => setAgain(e.target.value)}
          />
          <KioskErrorNotice error={error} />
          <Button
            type="submit"
            size="large"
            variant="contained"
            disabled={busy || !token || token.pin.locked || finalTry || !oldPin || !newPin || again !== newPin}
          >
            {t('kiosk.pin.submit')}
          </Button>
        </>
      )}
    </Stack>
  );
};
