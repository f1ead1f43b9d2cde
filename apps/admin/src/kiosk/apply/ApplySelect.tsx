import { Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import type { KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import type { OpenedApplication } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';
import type { Medium } from '../medium/medium';
import { MediumUnlockFields } from '../medium/MediumUnlockFields';
import { useMediumUnlock } from '../medium/use-medium-unlock';
import { openApplication } from './apply-run';
import { TokenStatus } from './TokenStatus';

export interface ApplySelectProps {
  readonly agent: AgentClient;
  /** Apply for this computer's store (PC) rather than a token; says whether its password is set. */
  readonly computer?: { readonly storeCreated: boolean };
  readonly onOpened: (opened: OpenedApplication, medium: Medium) => void;
}

/**
 * Step 1: the application by ID number and the notice's password, and the token by its PIN (or
 * this computer's store by its password).
 */
export const ApplySelect = ({ agent, computer, onOpened }: ApplySelectProps) => {
  const { t, locale } = useKioskI18n();
  const unlock = useMediumUnlock(agent, computer, { untilInserted: true });
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = computer ? 'store' : 'token';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // The medium first: a mistyped PIN or store password must not spend a try of the application password.
    unlock
      .unlock()
      .then(async (medium) => onOpened(await openApplication({ idNumber, password }, kind, t, locale), medium))
      .catch((e: unknown) => setError(unlock.failed(e)))
      .finally(() => {
        unlock.clear();
        setBusy(false);
      });
  };

  return (
    <Stack component="form" spacing={3} onSubmit={submit} sx={{ maxWidth: 640 }}>
      {!computer && <TokenStatus token={unlock.token} />}
      <TextField label={t('kiosk.apply.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
      <TextField
        label={t('kiosk.apply.password')}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <MediumUnlockFields unlock={unlock} />
      <KioskErrorNotice error={error ?? unlock.failure} />
      <Button
        type="submit"
        size="large"
        variant="contained"
        disabled={busy || (!computer && !unlock.token) || !idNumber || !password || !unlock.ready}
      >
        {t('kiosk.next')}
      </Button>
    </Stack>
  );
};
