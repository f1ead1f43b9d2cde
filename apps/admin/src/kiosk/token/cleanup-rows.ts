import type { CertificateDetails, CertificateStatus } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { kioskGraphql } from '../kiosk-graphql';
import { MY_CERTIFICATES, type MyCertificate } from '../kiosk-queries';

export interface CleanupRow {
  readonly certificate: CertificateDetails;
  /** What the bank says of it; null for a certificate the bank does not list as the customer's. */
  readonly status: CertificateStatus | null;
  readonly deletable: boolean;
}

const DEAD: readonly CertificateStatus[] = ['REVOKED', 'EXPIRED'];
const normalise = (serial: string) =>
  serial
    .replace(/[^0-9a-f]/gi, '')
    .replace(/^0+/, '')
    .toLowerCase();

/**
 * The customer certificates on the logged-in token, each marked deletable when it is past its end
 * date or the bank revoked it. `session` is the one that proved the token the customer's own
 * (token-ownership.ts), so the bank's statuses are always at hand.
 */
export async function cleanupRows(
  agent: AgentClient,
  tokenSerial: string,
  session: string,
  locale: string,
): Promise<CleanupRow[]> {
  const { certificates } = await agent.objects({ serial: tokenSerial });
  const own = certificates.filter((c) => !c.authority);
  const { myCertificates } = await kioskGraphql<{ myCertificates: MyCertificate[] }>(
    MY_CERTIFICATES,
    {},
    { customerSession: session },
    locale,
  );
  const statuses = new Map(myCertificates.map((c) => [normalise(c.serialHex), c.status]));
  return own.map((certificate) => {
    const status = statuses.get(normalise(certificate.serialNumber)) ?? null;
    return { certificate, status, deletable: certificate.expired || (status !== null && DEAD.includes(status)) };
  });
}
