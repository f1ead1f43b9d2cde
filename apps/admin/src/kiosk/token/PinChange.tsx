import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { changeTokenPin, insertedToken } from '../apply/token-login';
import { KioskError, toKioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { PinStateNotice } from './PinStateNotice';
import type { OwnToken } from './token-ownership';
import { TokenOwnerStep } from './TokenOwnerStep';
import { useToken } from './use-token';
import { AgainField } from '../AgainField';

/**
 * 變更載具密碼: the old PIN logs the token in and the customer proves the token is their own; only
 * then the new PIN, twice. The last try before the lock only after a warning.
 */
export const PinChange = ({ agent }: { agent: AgentClient }) => {
  const { t } = useKioskI18n();
  const { token, refresh } = useToken(agent);
  const [owned, setOwned] = useState<{ own: OwnToken; oldPin: string } | null>(null);
  const [newPin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!owned) return;
    setBusy(true);
    setError(null);
    insertedToken(agent)
      .then((now) => {
        // Another token put in since the check was not the one proven to be the customer's.
        if (now?.serial !== owned.own.serial) throw new KioskError('TOKEN_NOT_YOURS', 'another token');
        return changeTokenPin(agent, owned.oldPin, newPin, false);
      })
      .then(() => {
        setOwned(null);
        setDone(true);
      })
      .catch((e: unknown) => setError(toKioskError(e)))
      .finally(() => {
        setNewPin('');
        setAgain('');
        setBusy(false);
        void refresh();
      });
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 640 }}>
      <Typography variant="h4">{t('kiosk.home.pin')}</Typography>
      <PinStateNotice token={token} />
      {done && (
        <Alert severity="success" data-testid="pin-changed" sx={{ fontSize: '1.3rem' }}>
          {t('kiosk.pin.changed')}
        </Alert>
      )}
      {!done && !owned && (
        <TokenOwnerStep
          agent={agent}
          token={token}
          refresh={refresh}
          pinLabel={t('kiosk.pin.old')}
          onOwned={(own, oldPin) => setOwned({ own, oldPin })}
        />
      )}
      {!done && owned && (
        <Stack component="form" spacing={3} onSubmit={submit}>
          <Alert severity="success" data-testid="token-owned">
            {t('kiosk.owner.confirmed', { serial: owned.own.serial })}
          </Alert>
          <TextField
            label={t('kiosk.pin.new')}
            type="password"
            autoComplete="off"
            value={newPin}
            onChange={(e) => setNewPin(e.target.value)}
          />
          <AgainField
            label={t('kiosk.pin.again')}
            first={newPin}
            value={again}
            onChange={setAgain}
            mismatchText={t('kiosk.pin.mismatch')}
          />
          <KioskErrorNotice error={error} />
          <Button type="submit" size="large" variant="contained" disabled={busy || !newPin || again !== newPin}>
            {t('kiosk.pin.submit')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
