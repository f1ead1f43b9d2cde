import { CertificateCategory, CertificateType, KeyType, ObjectClass, type Session } from 'graphene-pk11';
import { DomainError } from '@app/contracts';
import { readCertificate, serialInteger } from '@app/pki';
import { isLoggedIn, rsaSpki } from './key-pairs';
import { type TokenSession } from './token-session';

/** A certificate object on the token. */
export interface TokenCertificate {
  /** CKA_ID; empty for a CA certificate, which belongs to no key pair. */
  readonly id: Uint8Array;
  readonly label: string;
  /** CKA_VALUE: the certificate DER. */
  readonly der: Uint8Array;
  /** CKA_CERTIFICATE_CATEGORY 2: a CA certificate of the chain. */
  readonly authority: boolean;
  /**
   * Whether a private key with the same CKA_ID is on the token: false is manual code 80092004.
   * `undefined` when the session is not logged in, as private keys are then invisible.
   */
  readonly hasPrivateKey?: boolean;
}

export interface WriteCertificateOptions {
  /** CKA_LABEL of the certificate; the key's label when absent. */
  readonly label?: string;
}

/** What {@link deleteCertificateWithKeys} removed. */
export interface DeletedObjects {
  readonly certificates: number;
  readonly privateKeys: number;
  readonly publicKeys: number;
}

/**
 * Writes an issued certificate next to its key pair: finds the private key whose modulus is the
 * certificate's, and stores the certificate (CKO_CERTIFICATE, CKC_X_509, CKA_VALUE, CKA_SUBJECT,
 * CKA_ISSUER, CKA_SERIAL_NUMBER) with that key's CKA_ID. Writing the same certificate again is a
 * no-op. Returns the CKA_ID. The user must be logged in. Throws DomainError PRIVATE_KEY_NOT_FOUND
 * (80092004) when the key is not on this token, PKI_DATA_MALFORMED, TOKEN_FULL, ….
 */
export async function writeCertificate(
  session: TokenSession,
  der: Uint8Array,
  options: WriteCertificateOptions = {},
): Promise<Uint8Array> {
  const cert = readCertificate(der);
  return session.run((s) => {
    const key = privateKeyFor(s, cert.publicKey);
    if (!key) throw new DomainError('PRIVATE_KEY_NOT_FOUND', { serial: cert.serial });
    if (!findCertificate(s, cert.der)) {
      s.create({
        ...certificateTemplate(cert, options.label ?? key.label),
        id: Buffer.from(key.id),
        certCategory: CertificateCategory.TokenUser,
      });
    }
    return key.id;
  });
}

/**
 * Writes a CA certificate of the chain (CKA_CERTIFICATE_CATEGORY authority, no CKA_ID: it has no
 * key here). Writing the same certificate again is a no-op. The user must be logged in.
 */
export async function writeCaCertificate(session: TokenSession, der: Uint8Array, label: string): Promise<void> {
  const cert = readCertificate(der);
  await session.run((s) => {
    if (findCertificate(s, cert.der)) return;
    s.create({ ...certificateTemplate(cert, label), certCategory: CertificateCategory.Authority });
  });
}

/** Every X.509 certificate on the token, with whether its private key is there too. */
export async function listCertificates(session: TokenSession): Promise<TokenCertificate[]> {
  return session.run((s) => {
    const loggedIn = isLoggedIn(s);
    const certificates = s.find({ class: ObjectClass.CERTIFICATE, certType: CertificateType.X_509 });
    const out: TokenCertificate[] = [];
    for (let i = 0; i < certificates.length; i++) {
      const a = certificates.items(i).getAttribute({ id: null, label: null, value: null, certCategory: null }) as {
        id: Buffer;
        label: string;
        value: Buffer;
        certCategory: number;
      };
      const id = new Uint8Array(a.id);
      out.push({
        id,
        label: a.label,
        der: new Uint8Array(a.value),
        authority: a.certCategory === CertificateCategory.Authority,
        hasPrivateKey: loggedIn ? id.byteLength > 0 && countById(s, ObjectClass.PRIVATE_KEY, id) > 0 : undefined,
      });
    }
    return out;
  });
}

/** How full the token is with the customer's certificates. */
export interface CertificateRoom {
  /** Certificates the model holds (its type rule's `certificateCapacity`); `undefined` when unknown. */
  readonly capacity?: number;
  /** The customer's certificates on the token; CA certificates of the chain take no place. */
  readonly used: number;
  /** Places left, never below 0; `undefined` when the capacity is unknown. */
  readonly free?: number;
}

/**
 * The token's certificate places: lets a caller warn before a renewal that would need more room
 * than is left (the token itself answers one certificate too many with TOKEN_FULL).
 */
export async function certificateRoom(session: TokenSession): Promise<CertificateRoom> {
  const used = (await listCertificates(session)).filter((c) => !c.authority).length;
  const capacity = session.token.certificateCapacity;
  return capacity === undefined ? { used } : { capacity, used, free: Math.max(0, capacity - used) };
}

/**
 * Deletes the certificate with CKA_ID `id` together with its private and public keys, e.g. an
 * expired or invalid certificate the customer clears from the token. The user must be logged in.
 * Returns what was removed (all zero when nothing had that ID).
 */
export async function deleteCertificateWithKeys(session: TokenSession, id: Uint8Array): Promise<DeletedObjects> {
  if (id.byteLength === 0) throw new RangeError('an empty CKA_ID would match every CA certificate');
  return session.run((s) => ({
    certificates: s.destroy({ class: ObjectClass.CERTIFICATE, id: Buffer.from(id) }),
    privateKeys: s.destroy({ class: ObjectClass.PRIVATE_KEY, id: Buffer.from(id) }),
    publicKeys: s.destroy({ class: ObjectClass.PUBLIC_KEY, id: Buffer.from(id) }),
  }));
}

function certificateTemplate(cert: ReturnType<typeof readCertificate>, label: string) {
  return {
    class: ObjectClass.CERTIFICATE,
    certType: CertificateType.X_509,
    token: true,
    private: false,
    label,
    subject: Buffer.from(cert.subject),
    issuer: Buffer.from(cert.issuer),
    serial: Buffer.from(serialInteger(cert.serial)),
    value: Buffer.from(cert.der),
  };
}

/** The RSA private key whose modulus is that of `spki`: its CKA_ID and CKA_LABEL. */
function privateKeyFor(s: Session, spki: Uint8Array): { id: Uint8Array; label: string } | undefined {
  const keys = s.find({ class: ObjectClass.PRIVATE_KEY, keyType: KeyType.RSA });
  for (let i = 0; i < keys.length; i++) {
    const key = keys.items(i);
    if (Buffer.compare(rsaSpki(key), spki) === 0) {
      const a = key.getAttribute({ id: null, label: null }) as { id: Buffer; label: string };
      return { id: new Uint8Array(a.id), label: a.label };
    }
  }
  return undefined;
}

function findCertificate(s: Session, der: Uint8Array): boolean {
  return s.find({ class: ObjectClass.CERTIFICATE, value: Buffer.from(der) }).length > 0;
}

function countById(s: Session, objectClass: ObjectClass, id: Uint8Array): number {
  return s.find({ class: objectClass, id: Buffer.from(id) }).length;
}
