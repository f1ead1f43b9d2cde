import { Alert, Button, Stack, Typography } from '@mui/material';
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

type State = 'pin' | 'working' | 'issuing' | 'installed';

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
        const token = await loginToken(agent, pin, warned);
        const proved = { token: await proveWithToken(agent, token.serial, locale), serial: token.serial };
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
