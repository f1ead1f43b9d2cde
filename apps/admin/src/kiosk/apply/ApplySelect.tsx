import type { AgentToken } from '@app/contracts';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError, type KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { useKioskI18n } from '../kiosk-i18n';
import { OPEN_APPLICATION, type OpenedApplication } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';
import { mediumRefusal } from '../medium/application-medium';
import { PinField } from './PinField';
import { insertedToken, loginToken } from './token-login';

export interface ApplySelectProps {
  readonly agent: AgentClient;
  readonly onOpened: (opened: OpenedApplication, token: AgentToken) => void;
}

/** Step 1: the application by ID number and the notice's password, and the token by its PIN. */
export const ApplySelect = ({ agent, onOpened }: ApplySelectProps) => {
  const { t, locale } = useKioskI18n();
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [token, setToken] = useState<AgentToken | null>(null);
  const [warned, setWarned] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  // Polling (not the event stream) so a token already in the reader when the page opened counts too.
  useEffect(() => {
    if (token) return;
    let live = true;
    const look = () =>
      insertedToken(agent)
        .then((found) => live && setToken(found))
        .catch((e: unknown) => live && setError(toKioskError(e)));
    void look();
    const timer = setInterval(look, 1500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [agent, token]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        const loggedIn = await loginToken(agent, pin, warned);
        const { openApplication } = await kioskGraphql<{ openApplication: OpenedApplication }>(
          OPEN_APPLICATION,
          { input: { idNumber: idNumber.trim().toUpperCase(), password: password.replace(/\s+/g, '') } },
          {},
          locale,
        );
        const refusal = mediumRefusal(openApplication, 'token', (m) => t(`enums.StorageMedium.${m}`));
        if (refusal) throw refusal;
        onOpened(openApplication, loggedIn);
      } catch (e) {
        const failure = toKioskError(e);
        setError(failure.code === 'TOKEN_PIN_FINAL_TRY' ? null : failure);
        setToken(await insertedToken(agent).catch(() => null));
      } finally {
        setPin('');
        setBusy(false);
      }
    })();
  };

  return (
    <Stack component="form" spacing={3} onSubmit={submit} sx={{ maxWidth: 640 }}>
      <Typography variant="h5" data-testid="token-status">
        {token ? t('kiosk.token.serial', { serial: token.serial }) : t('kiosk.token.insert')}
      </Typography>
      <TextField label={t('kiosk.apply.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
      <TextField
        label={t('kiosk.apply.password')}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <PinField
        value={pin}
        onChange={setPin}
        token={token}
        finalTry={!!token?.pin.finalTry && !warned}
        onAcceptFinalTry={() => setWarned(true)}
      />
      <KioskErrorNotice error={error} />
      <Button
        type="submit"
        size="large"
        variant="contained"
        disabled={busy || !token || !idNumber || !password || !pin || (!!token?.pin.finalTry && !warned)}
      >
        {t('kiosk.next')}
      </Button>
    </Stack>
  );
};
