import type { SignChallengeResponse } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { PROVE, START_CHALLENGE } from '../kiosk-queries';
import type { Medium } from '../medium/medium';
import { tokenMedium } from '../medium/token-medium';

/**
 * One sign-in proof: the API's challenge for a key (named by `key`: its certificate, or the ID
 * number and public key of one still waiting for it), signed by the agent — the PIN or store
 * password never leaves this machine — and traded for a certificate session.
 */
export async function proveByChallenge(
  key: Record<string, string>,
  sign: (toBeSigned: string) => Promise<SignChallengeResponse>,
  locale: string,
): Promise<string> {
  const { startCertificateChallenge: challenge } = await kioskGraphql<{
    startCertificateChallenge: { challengeId: string; toBeSigned: string };
  }>(START_CHALLENGE, { input: { ...key, purpose: 'SIGN_IN' } }, {}, locale);
  const { signature } = await sign(challenge.toBeSigned);
  const { proveCertificate } = await kioskGraphql<{ proveCertificate: { session: string } }>(
    PROVE,
    { input: { challengeId: challenge.challengeId, toBeSigned: challenge.toBeSigned, signature } },
    {},
    locale,
  );
  return proveCertificate.session;
}

/** Signs the customer in with a certificate on the (logged-in) token; see proveWithMedium. */
export function proveWithToken(agent: AgentClient, tokenSerial: string, locale: string): Promise<string> {
  return proveWithMedium(tokenMedium(agent, tokenSerial), locale);
}

/**
 * Signs the customer in with a certificate on the medium (a logged-in token, or the opened store of
 * this computer). No certificate with its key here is 80092004 PRIVATE_KEY_NOT_FOUND.
 */
export async function proveWithMedium(medium: Medium, locale: string): Promise<string> {
  const { certificates } = await medium.objects();
  const usable = certificates.filter((c) => !c.authority && !c.expired && c.hasPrivateKey !== false);
  if (usable.length === 0) throw new KioskError('PRIVATE_KEY_NOT_FOUND', 'no certificate with a key on the medium');
  let last: unknown = null;
  // The newest first: an old certificate may be held or revoked and prove nothing.
  for (const certificate of [...usable].sort((a, b) => b.notBefore.localeCompare(a.notBefore))) {
    try {
      return await proveByChallenge(
        { serialHex: certificate.serialNumber },
        (toBeSigned) => medium.sign(certificate.id, toBeSigned),
        locale,
      );
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

/** The 憑證證明單 PDF of one of the customer's certificates. */
export async function fetchProofSheet(certificateId: string, session: string, locale: string): Promise<Blob> {
  const res = await fetch(`/kiosk/certificates/${encodeURIComponent(certificateId)}/proof-sheet`, {
    method: 'POST',
    cache: 'no-store',
    headers: {
      'content-type': 'application/json',
      'accept-language': locale === 'en' ? 'en' : 'zh-TW',
      'x-customer-session': session,
    },
    body: '{}',
  });
  if (res.ok && (res.headers.get('content-type') ?? '').startsWith('application/pdf')) return res.blob();
  const error = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  throw new KioskError(error?.code ?? null, error?.message ?? res.statusText);
}
