import type { CertificateDetails, CertificateStatus } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { proveWithToken } from '../certificates/prove-certificate';
import { kioskGraphql } from '../kiosk-graphql';
import { MY_CERTIFICATES, type MyCertificate } from '../kiosk-queries';

export interface CleanupRow {
  readonly certificate: CertificateDetails;
  /** What the bank says, when a certificate on the token could prove the customer; else null. */
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
 * date or the bank revoked it. Statuses need a certificate session; a token holding only dead
 * certificates cannot prove anyone, and then the dates alone decide.
 */
export async function cleanupRows(agent: AgentClient, tokenSerial: string, locale: string): Promise<CleanupRow[]> {
  const { certificates } = await agent.objects({ serial: tokenSerial });
  const own = certificates.filter((c) => !c.authority);
  let statuses = new Map<string, CertificateStatus>();
  try {
    const session = await proveWithToken(agent, tokenSerial, locale);
    const { myCertificates } = await kioskGraphql<{ myCertificates: MyCertificate[] }>(
      MY_CERTIFICATES,
      {},
      { customerSession: session },
      locale,
    );
    statuses = new Map(myCertificates.map((c) => [normalise(c.serialHex), c.status]));
  } catch {
    // No usable certificate on the token: fall back to the dates the token holds.
  }
  return own.map((certificate) => {
    const status = statuses.get(normalise(certificate.serialNumber)) ?? null;
    return { certificate, status, deletable: certificate.expired || (status !== null && DEAD.includes(status)) };
  });
}
