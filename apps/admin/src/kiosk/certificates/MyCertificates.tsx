import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError, type KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { useKioskI18n } from '../kiosk-i18n';
import { MY_CERTIFICATES, SUSPEND, type MyCertificate } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';
import type { Medium } from '../medium/medium';
import { MediumUnlockFields } from '../medium/MediumUnlockFields';
import { useMediumUnlock } from '../medium/use-medium-unlock';
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
  const unlock = useMediumUnlock(agent, computer);
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
        const signedIn = await unlock.unlock();
        setMedium(signedIn);
        const proved = await proveWithMedium(signedIn, locale);
        setSession(proved);
        await load(proved);
      } catch (e) {
        setError(unlock.failed(e));
      } finally {
        unlock.clear();
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
          <MediumUnlockFields unlock={unlock} proving />
          <Button type="submit" size="large" variant="contained" disabled={busy || !unlock.ready}>
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
