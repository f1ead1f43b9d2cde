import { randomBytes } from 'node:crypto';
import { type CertificateUsage } from '@app/contracts';
import { type DnAttribute } from '@app/domain';
import { type CaIssuer } from './certificate-info';
import {
  caExtensions,
  type CaProfile,
  endEntityExtensions,
  type EndEntityProfile,
  ocspResponderExtensions,
} from './certificate-profile';
import { derSmallInteger, derTime, derTlv, derUnsignedInteger } from './der';
import { encodeName } from './distinguished-name';
import { certificateExtensions } from './extensions';
import { signatureAlgorithmDer, type SigningKey, signStructure } from './signing';

/**
 * A fresh certificate serial number (RFC 5280 §4.1.2.2): 16 octets from the CSPRNG with the top
 * bit cleared, so the INTEGER is positive and at most 20 octets, and a non-zero first octet, so
 * the hex form is always 32 characters. Lowercase hex, as {@link readCertificate} returns serials.
 */
export function randomSerial(): string {
  for (;;) {
    const bytes = randomBytes(16);
    bytes[0] &= 0x7f;
    if (bytes[0] !== 0) return bytes.toString('hex');
  }
}

export interface IssueCertificateInput {
  /** SubjectPublicKeyInfo DER from a CSR that passed `parseCsr`. */
  readonly publicKey: Uint8Array;
  /** The subject the RA assigned (not what the CSR claims). */
  readonly subject: readonly DnAttribute[];
  readonly usage: CertificateUsage;
  /** Hex serial, e.g. from {@link randomSerial}, committed to storage before signing. */
  readonly serial: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly profile: EndEntityProfile;
  readonly issuer: CaIssuer;
}

/**
 * Issues an X.509 v3 customer certificate (RFC 5280 §4.1) for `publicKey`, signed by the issuing
 * CA, with the extensions of {@link endEntityExtensions}. Returns the certificate DER.
 * Throws RangeError for a serial that is not positive hex of at most 20 octets or an empty validity.
 */
export function issueCertificate(input: IssueCertificateInput): Promise<Uint8Array> {
  const extensions = endEntityExtensions(input.usage, input.profile, input.publicKey, input.issuer.certificate.keyId);
  return signedByIssuer(input, input.serial, extensions);
}

export interface CreateCaCertificateInput {
  readonly subject: readonly DnAttribute[];
  /** SubjectPublicKeyInfo DER of the CA's key. */
  readonly publicKey: Uint8Array;
  readonly serial?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly profile?: CaProfile;
  /** The parent CA for an intermediate, or the CA's own key for a self-signed root. */
  readonly signedBy: CaIssuer | { readonly selfSigned: SigningKey };
}

/**
 * Creates a CA certificate (RFC 5280 §4.1, extensions of {@link caExtensions}): a self-signed root
 * when `signedBy` is `{ selfSigned: key }`, else an intermediate signed by the parent CA.
 */
export async function createCaCertificate(input: CreateCaCertificateInput): Promise<Uint8Array> {
  const parent = 'selfSigned' in input.signedBy ? undefined : input.signedBy;
  const key = 'selfSigned' in input.signedBy ? input.signedBy.selfSigned : input.signedBy.key;
  const subject = encodeName(input.subject);
  const tbs = tbsCertificate({
    serial: input.serial ?? randomSerial(),
    signatureAlgorithm: signatureAlgorithmDer(key.privateKey),
    issuer: parent ? parent.certificate.subject : subject,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    subject,
    publicKey: input.publicKey,
    extensions: caExtensions(input.profile ?? {}, input.publicKey, parent?.certificate.keyId),
  });
  return signStructure(tbs, key);
}

export interface IssueOcspResponderInput {
  /** SubjectPublicKeyInfo DER of the responder's key. */
  readonly publicKey: Uint8Array;
  readonly subject: readonly DnAttribute[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The CA whose certificates the responder answers for: it must issue the responder (RFC 6960 §4.2.2.2). */
  readonly issuer: CaIssuer;
}

/**
 * Issues a delegated OCSP responder certificate (extensions of {@link ocspResponderExtensions}),
 * signed by the CA it answers for. Returns the certificate DER.
 */
export function issueOcspResponderCertificate(input: IssueOcspResponderInput): Promise<Uint8Array> {
  const extensions = ocspResponderExtensions(input.publicKey, input.issuer.certificate.keyId);
  return signedByIssuer(input, randomSerial(), extensions);
}

/** An end-entity certificate for `input.publicKey` with `extensions`, signed by `input.issuer`. */
async function signedByIssuer(
  input: Pick<IssueCertificateInput, 'publicKey' | 'subject' | 'notBefore' | 'notAfter' | 'issuer'>,
  serial: string,
  extensions: readonly Uint8Array[],
): Promise<Uint8Array> {
  const { issuer } = input;
  const tbs = tbsCertificate({
    serial,
    signatureAlgorithm: signatureAlgorithmDer(issuer.key.privateKey),
    issuer: issuer.certificate.subject,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    subject: encodeName(input.subject),
    publicKey: input.publicKey,
    extensions,
  });
  return signStructure(tbs, issuer.key);
}

interface TbsFields {
  readonly serial: string;
  readonly signatureAlgorithm: Uint8Array;
  readonly issuer: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly subject: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly extensions: readonly Uint8Array[];
}

/** TBSCertificate (RFC 5280 §4.1.2), version 3. */
function tbsCertificate(f: TbsFields): Uint8Array {
  if (!(f.notAfter.getTime() > f.notBefore.getTime())) throw new RangeError('notAfter must be after notBefore');
  return derTlv(
    0x30,
    derTlv(0xa0, derSmallInteger(2)),
    serialInteger(f.serial),
    f.signatureAlgorithm,
    f.issuer,
    derTlv(0x30, derTime(f.notBefore), derTime(f.notAfter)),
    f.subject,
    f.publicKey,
    certificateExtensions(f.extensions),
  );
}

/** CertificateSerialNumber (RFC 5280 §4.1.2.2): positive, at most 20 octets. */
export function serialInteger(hex: string): Uint8Array {
  const clean = hex.toLowerCase().replace(/^(00)+(?=.)/, '');
  if (!/^[0-9a-f]+$/.test(clean) || /^0+$/.test(clean)) throw new RangeError('serial must be positive hex');
  const bytes = Buffer.from(clean.length % 2 ? `0${clean}` : clean, 'hex');
  const der = derUnsignedInteger(new Uint8Array(bytes));
  if (der.byteLength - 2 > 20) throw new RangeError('serial longer than 20 octets');
  return der;
}
