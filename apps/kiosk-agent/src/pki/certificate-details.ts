import { type CertificateDetails } from '@app/contracts';
import { parseName, readCertificate, toPem } from '@app/pki';

export interface DetailsInput {
  readonly id: Uint8Array;
  readonly label: string;
  readonly der: Uint8Array;
  readonly authority: boolean;
  readonly hasPrivateKey?: boolean;
}

/** What the page shows of a certificate on a token or in the computer's store. */
export function certificateDetails(input: DetailsInput, now = new Date()): CertificateDetails {
  const cert = readCertificate(input.der);
  return {
    id: Buffer.from(input.id).toString('hex'),
    label: input.label,
    subject: parseName(cert.subject).display,
    issuer: parseName(cert.issuer).display,
    serialNumber: cert.serial,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    expired: cert.notAfter.getTime() < now.getTime(),
    authority: input.authority,
    ...(input.hasPrivateKey === undefined ? {} : { hasPrivateKey: input.hasPrivateKey }),
    pem: toPem(cert.der, 'CERTIFICATE'),
  };
}
