import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { downloadAndInstall } from '../apply/apply-run';
import { IssuingNotice } from '../IssuingNotice';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import type { Medium } from '../medium/medium';
import { MediumUnlockFields } from '../medium/MediumUnlockFields';
import { useMediumUnlock } from '../medium/use-medium-unlock';
import { proveWithMedium } from './prove-certificate';
import { proveWithPendingKey, provingKeys } from './prove-pending';

type State = 'pin' | 'idNumber' | 'working' | 'issuing' | 'installed';

export interface DownloadPanelProps {
  readonly agent: AgentClient;
  /** Download to this computer's store (PC) rather than a token; says whether its password is set. */
  readonly computer?: { readonly storeCreated: boolean };
}

/**
 * 下載憑證 for a customer who comes back (the CA took long, or a renewal was left half-way): the
 * token (or this computer's store) proves them, then whatever the CA has signed is installed. 6025
 * still issuing, 6036 nothing to download, 80092004 the key is not on this medium — each with the
 * shared message.
 */
export const DownloadPanel = ({ agent, computer }: DownloadPanelProps) => {
  const { t, locale } = useKioskI18n();
  const unlock = useMediumUnlock(agent, computer);
  const [session, setSession] = useState<{ token: string; medium: Medium } | null>(null);
  const [state, setState] = useState<State>('pin');
  const [error, setError] = useState<KioskError | null>(null);
  const [pending, setPending] = useState<Medium | null>(null);
  const [idNumber, setIdNumber] = useState('');

  const download = async (proved: { token: string; medium: Medium }) => {
    setState('working');
    setError(null);
    try {
      await downloadAndInstall(proved.medium, proved.token, locale, () => undefined);
      setState('installed');
    } catch (e) {
      const failure = toKioskError(e);
      if (failure.code === 'CA_ISSUING') return setState('issuing');
      setError(failure);
      setState('pin');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState('working');
    setError(null);
    void (async () => {
      try {
        const medium = await unlock.unlock();
        let token: string;
        try {
          token = await proveWithMedium(medium, locale);
        } catch (e) {
          // A first apply the CA signed after the customer left: only the keys are on the token yet.
          if (toKioskError(e).code !== 'PRIVATE_KEY_NOT_FOUND' || provingKeys(await medium.objects()).length === 0)
            throw e;
          setPending(medium);
          setState('idNumber');
          return;
        }
        const proved = { token, medium };
        setSession(proved);
        await download(proved);
      } catch (e) {
        setError(unlock.failed(e));
        setState('pin');
      } finally {
        unlock.clear();
      }
    })();
  };

  const proveLater = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    setState('working');
    setError(null);
    void (async () => {
      try {
        const proved = { token: await proveWithPendingKey(pending, idNumber, locale), medium: pending };
        setSession(proved);
        await download(proved);
      } catch (e) {
        setError(toKioskError(e));
        setState('idNumber');
      }
    })();
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <Typography variant="h4">{t(computer ? 'kiosk.pc.home.pcDownload' : 'kiosk.home.download')}</Typography>
      {state === 'pin' && !session && (
        <Stack component="form" spacing={3} onSubmit={submit}>
          <MediumUnlockFields unlock={unlock} proving />
          <Button type="submit" size="large" variant="contained" disabled={!unlock.ready}>
            {t('kiosk.next')}
          </Button>
        </Stack>
      )}
      {state === 'idNumber' && (
        <Stack component="form" spacing={3} onSubmit={proveLater} data-testid="download-later">
          <Typography variant="h6">{t(computer ? 'kiosk.later.pcHint' : 'kiosk.later.hint')}</Typography>
          <TextField
            label={t('kiosk.apply.idNumber')}
            value={idNumber}
            autoComplete="off"
            onChange={(e) => setIdNumber(e.target.value)}
          />
          <Button type="submit" size="large" variant="contained" disabled={!idNumber.trim()}>
            {t('kiosk.later.prove')}
          </Button>
        </Stack>
      )}
      {state === 'working' && <Typography variant="h5">{t('kiosk.progress.downloading')}</Typography>}
      {state === 'issuing' && session && <IssuingNotice onRetry={() => void download(session)} />}
      {state === 'installed' && (
        <Alert severity="success" data-testid="download-installed" sx={{ fontSize: '1.3rem' }}>
          {t(computer ? 'kiosk.pc.installed' : 'kiosk.result.installed')}
        </Alert>
      )}
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
