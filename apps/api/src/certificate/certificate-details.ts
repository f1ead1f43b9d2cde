import { X509Certificate } from 'node:crypto';

/** What the counter shows of a certificate's DER that the row does not hold. */
export interface CertificateDetails {
  readonly issuerDn: string | null;
  /** SHA-256 of the DER, upper-case hex pairs joined by colons, as browsers and OpenSSL show it. */
  readonly fingerprintSha256: string | null;
}

/** Issuer DN (RFC 2253 order, most specific first) and fingerprint; nulls while the CA is issuing. */
export function certificateDetails(der: Buffer | null): CertificateDetails {
  if (!der) return { issuerDn: null, fingerprintSha256: null };
  const x509 = new X509Certificate(der);
  return {
    issuerDn: x509.issuer.split('\n').reverse().join(', '),
    fingerprintSha256: x509.fingerprint256,
  };
}
