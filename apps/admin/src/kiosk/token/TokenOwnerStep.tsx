import type { AgentToken } from '@app/contracts';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { PinField } from '../apply/PinField';
import { loginToken } from '../apply/token-login';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { proveTokenOwner, type OwnToken } from './token-ownership';

export interface TokenOwnerStepProps {
  readonly agent: AgentClient;
  readonly token: AgentToken | null;
  readonly refresh: () => Promise<void>;
  readonly pinLabel?: string;
  /** The token is the customer's own; `pin` is the one that logged it in, kept for a PIN change only. */
  readonly onOwned: (own: OwnToken, pin: string) => void;
}

/**
 * The PIN, then the proof that the customer is the one the token is registered to: what 變更載具密碼
 * and 刪除載具中的憑證 both ask before they touch the token. The PIN goes to the agent only.
 */
export const TokenOwnerStep = ({ agent, token, refresh, pinLabel, onOwned }: TokenOwnerStepProps) => {
  const { t, locale } = useKioskI18n();
  const [pin, setPin] = useState('');
  const [warned, setWarned] = useState(false);
  const [loggedIn, setLoggedIn] = useState<{ serial: string; pin: string } | null>(null);
  const [idNumber, setIdNumber] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);
  const finalTry = !!token?.pin.finalTry && !warned;

  const check = async (serial: string, usedPin: string, id?: string) => {
    const own = await proveTokenOwner(agent, serial, locale, id);
    if (own) onOwned(own, usedPin);
    else setLoggedIn({ serial, pin: usedPin });
  };

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    work()
      .catch(async (e: unknown) => {
        setError(toKioskError(e));
        await refresh();
      })
      .finally(() => setBusy(false));
  };

  const login = (event: FormEvent) => {
    event.preventDefault();
    const typed = pin;
    setPin('');
    setWarned(false);
    run(async () => {
      const { serial } = await loginToken(agent, typed, warned);
      await check(serial, typed);
    });
  };

  const proveLater = (event: FormEvent) => {
    event.preventDefault();
    if (loggedIn) run(() => check(loggedIn.serial, loggedIn.pin, idNumber));
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 640 }}>
      {!loggedIn && (
        <Stack component="form" spacing={3} onSubmit={login}>
          <PinField
            label={pinLabel}
            value={pin}
            onChange={setPin}
            finalTry={finalTry}
            onAcceptFinalTry={() => setWarned(true)}
          />
          <Button
            type="submit"
            size="large"
            variant="contained"
            disabled={busy || !token || !pin || token.pin.locked || finalTry}
          >
            {t('kiosk.next')}
          </Button>
        </Stack>
      )}
      {loggedIn && (
        <Stack component="form" spacing={3} onSubmit={proveLater} data-testid="owner-id-number">
          <Typography variant="h6">{t('kiosk.owner.idHint')}</Typography>
          <TextField
            label={t('kiosk.apply.idNumber')}
            value={idNumber}
            autoComplete="off"
            onChange={(e) => setIdNumber(e.target.value)}
          />
          <Button type="submit" size="large" variant="contained" disabled={busy || !idNumber.trim()}>
            {t('kiosk.owner.prove')}
          </Button>
        </Stack>
      )}
      {busy && (
        <Typography variant="h5" role="status" data-testid="owner-checking">
          {t('kiosk.owner.checking')}
        </Typography>
      )}
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
