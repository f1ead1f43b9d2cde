import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { PinField } from '../apply/PinField';
import { loginToken } from '../apply/token-login';
import { toKioskError, type KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { useKioskI18n } from '../kiosk-i18n';
import { MY_CERTIFICATES, SUSPEND, type MyCertificate } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';
import type { Medium } from '../medium/medium';
import { storeMedium } from '../medium/store-medium';
import { tokenMedium } from '../medium/token-medium';
import { StorePasswordFields } from '../pc/StorePasswordFields';
import { useStorePassword } from '../pc/use-store-password';
import { useToken } from '../token/use-token';
import type { LiveProgress } from '../use-kiosk-session';
import { RenewFlow } from './RenewFlow';
import { CertificateTable } from './CertificateTable';
import { proveWithMedium } from './prove-certificate';

export interface MyCertificatesProps {
  readonly agent: AgentClient;
  readonly progress: LiveProgress | null;
  /** Prove with a certificate in this computer's store (PC) rather than on a token. */
  readonly computer?: { readonly storeCreated: boolean };
}

/** 查詢我的憑證, with 暫禁 and the proof sheet: signed in by a certificate on the token or this computer. */
export const MyCertificates = ({ agent, progress, computer }: MyCertificatesProps) => {
  const { t, locale } = useKioskI18n();
  const store = useStorePassword(agent, computer);
  const { token, refresh } = useToken(agent);
  const [pin, setPin] = useState('');
  const [warned, setWarned] = useState(false);
  const [finalTryRefused, setFinalTryRefused] = useState(false);
  // The token's own count warns before the last PIN is typed; the refusal covers a token that does not report it.
  const finalTry = finalTryRefused || !!token?.pin.finalTry;
  const [session, setSession] = useState<string | null>(null);
  const [medium, setMedium] = useState<Medium | null>(null);
  const [renewing, setRenewing] = useState<MyCertificate | null>(null);
  const [certificates, setCertificates] = useState<readonly MyCertificate[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (customerSession: string) => {
    const { myCertificates } = await kioskGraphql<{ myCertificates: MyCertificate[] }>(
      MY_CERTIFICATES,
      {},
      { customerSession },
      locale,
    );
    setCertificates(myCertificates);
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        let signedIn: Medium;
        if (computer) {
          await store.unlock();
          signedIn = storeMedium(agent);
        } else signedIn = tokenMedium(agent, (await loginToken(agent, pin, warned)).serial);
        setMedium(signedIn);
        const proved = await proveWithMedium(signedIn, locale);
        setSession(proved);
        await load(proved);
      } catch (e) {
        const failure = toKioskError(e);
        if (failure.code === 'TOKEN_PIN_FINAL_TRY') setFinalTryRefused(true);
        else setError(failure);
        // How the token stands after this try (wrong tries, final try, locked) shows under the PIN.
        if (!computer) await refresh();
      } finally {
        setPin('');
        setBusy(false);
      }
    })();
  };

  const suspend = async (certificate: MyCertificate) => {
    if (!session) return;
    setError(null);
    try {
      await kioskGraphql(
        SUSPEND,
        { input: { certificateId: certificate.id, confirm: true } },
        { customerSession: session },
        locale,
      );
      setNotice(t('kiosk.certificates.suspended', { serial: certificate.serialHex }));
      await load(session);
    } catch (e) {
      setError(toKioskError(e));
    }
  };

  return (
    <Stack spacing={3}>
      <Typography variant="h4">{t(computer ? 'kiosk.pc.home.pcCertificates' : 'kiosk.certificates.title')}</Typography>
      {!session && (
        <Stack component="form" spacing={3} onSubmit={signIn} sx={{ maxWidth: 560 }}>
          {computer ? (
            <>
              <Typography variant="h6">{t('kiosk.pc.proveHint')}</Typography>
              <StorePasswordFields store={store} />
            </>
          ) : (
            <>
              <Typography variant="h6">{t('kiosk.certificates.proveHint')}</Typography>
              <PinField
                value={pin}
                onChange={setPin}
                token={token}
                finalTry={finalTry && !warned}
                onAcceptFinalTry={() => setWarned(true)}
              />
            </>
          )}
          <Button
            type="submit"
            size="large"
            variant="contained"
            disabled={busy || (computer ? !store.ready : !pin || (finalTry && !warned))}
          >
            {t('kiosk.certificates.prove')}
          </Button>
        </Stack>
      )}
      {notice && (
        <Alert severity="info" data-testid="suspend-notice" sx={{ fontSize: '1.2rem' }}>
          {notice}
        </Alert>
      )}
      <KioskErrorNotice error={error} />
      {session && renewing && medium && (
        <RenewFlow
          agent={agent}
          medium={medium}
          certificate={renewing}
          session={session}
          progress={progress}
          onClose={() => {
            setRenewing(null);
            void load(session).catch((e: unknown) => setError(toKioskError(e)));
          }}
        />
      )}
      {session && !renewing && (
        <CertificateTable
          certificates={certificates}
          session={session}
          onSuspend={suspend}
          onRenew={setRenewing}
          onError={setError}
        />
      )}
    </Stack>
  );
};
