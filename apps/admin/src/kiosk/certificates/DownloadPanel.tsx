import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { downloadAndInstall } from '../apply/apply-run';
import { PinField } from '../apply/PinField';
import { loginToken } from '../apply/token-login';
import { IssuingNotice } from '../IssuingNotice';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { proveWithToken } from './prove-certificate';
import { type PendingKeyHolder, proveWithPendingKey, provingKeys } from './prove-pending';

type State = 'pin' | 'idNumber' | 'working' | 'issuing' | 'installed';

/**
 * 下載憑證 for a customer who comes back (the CA took long, or a renewal was left half-way): the
 * token proves them, then whatever the CA has signed is installed. 6025 still issuing, 6036
 * nothing to download, 80092004 the key is not on this token — each with the shared message.
 */
export const DownloadPanel = ({ agent }: { agent: AgentClient }) => {
  const { t, locale } = useKioskI18n();
  const [pin, setPin] = useState('');
  const [warned, setWarned] = useState(false);
  const [finalTry, setFinalTry] = useState(false);
  const [session, setSession] = useState<{ token: string; serial: string } | null>(null);
  const [state, setState] = useState<State>('pin');
  const [error, setError] = useState<KioskError | null>(null);
  const [pending, setPending] = useState<(PendingKeyHolder & { serial: string }) | null>(null);
  const [idNumber, setIdNumber] = useState('');

  const download = async (proved: { token: string; serial: string }) => {
    setState('working');
    setError(null);
    try {
      await downloadAndInstall(agent, proved.serial, proved.token, locale, () => undefined);
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
        const { serial } = await loginToken(agent, pin, warned);
        let token: string;
        try {
          token = await proveWithToken(agent, serial, locale);
        } catch (e) {
          // A first apply the CA signed after the customer left: only the keys are on the token yet.
          const holder = {
            serial,
            objects: () => agent.objects({ serial }),
            sign: (id: string, challenge: string) => agent.signChallenge({ serial, id, challenge }),
          };
          if (toKioskError(e).code !== 'PRIVATE_KEY_NOT_FOUND' || provingKeys(await holder.objects()).length === 0)
            throw e;
          setPending(holder);
          setState('idNumber');
          return;
        }
        const proved = { token, serial };
        setSession(proved);
        await download(proved);
      } catch (e) {
        const failure = toKioskError(e);
        if (failure.code === 'TOKEN_PIN_FINAL_TRY') setFinalTry(true);
        else setError(failure);
        setState('pin');
      } finally {
        setPin('');
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
        const proved = { token: await proveWithPendingKey(pending, idNumber, locale), serial: pending.serial };
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
      <Typography variant="h4">{t('kiosk.home.download')}</Typography>
      {state === 'pin' && !session && (
        <Stack component="form" spacing={3} onSubmit={submit}>
          <Typography variant="h6">{t('kiosk.certificates.proveHint')}</Typography>
          <PinField
            value={pin}
            onChange={setPin}
            finalTry={finalTry && !warned}
            onAcceptFinalTry={() => setWarned(true)}
          />
          <Button type="submit" size="large" variant="contained" disabled={!pin || (finalTry && !warned)}>
            {t('kiosk.next')}
          </Button>
        </Stack>
      )}
      {state === 'idNumber' && (
        <Stack component="form" spacing={3} onSubmit={proveLater} data-testid="download-later">
          <Typography variant="h6">{t('kiosk.later.hint')}</Typography>
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
          {t('kiosk.result.installed')}
        </Alert>
      )}
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
