import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { readCertificate } from './certificate-info';
import { concatBytes } from './der';
import { signBytes, type SigningKey } from './signing';

/**
 * Proof of possession for a certificate the customer already holds: the server hands out a fresh
 * nonce bound to what it is for and where it is used, the customer's key signs it, and the server
 * checks the signature against the certificate's public key.
 */

export interface CreateChallengeInput {
  /** What the proof is for, e.g. `renew` or `backup-restore`: a signature for one purpose never passes for another. */
  readonly purpose: string;
  /** The web origin (or agent name) the challenge was issued to, e.g. `https://ra.bank.com.tw`. */
  readonly origin: string;
  /** Nonce length in bytes, 16–64 (default 32). */
  readonly bytes?: number;
}

export interface Challenge {
  readonly nonce: Uint8Array;
  /** The exact bytes to sign; the server keeps them (with an expiry) and verifies against its own copy. */
  readonly toBeSigned: Uint8Array;
}

export interface VerifyChallengeInput {
  /** The server's stored copy from {@link createChallenge}, never bytes sent back by the client. */
  readonly toBeSigned: Uint8Array;
  /** RSASSA-PKCS1-v1_5/SHA-256, or ECDSA P-256/SHA-256 as DER `Ecdsa-Sig-Value`. */
  readonly signature: Uint8Array;
  /** The certificate claimed, DER. */
  readonly certificate: Uint8Array;
}

/** The domain-separation label that starts every challenge. */
export const CHALLENGE_LABEL = 'branch-ra challenge v1';

const MAX_FIELD_BYTES = 1024;

/**
 * A fresh challenge. `toBeSigned` is four length-prefixed fields (4-byte big-endian length, then
 * the bytes): the label {@link CHALLENGE_LABEL}, the purpose and the origin as UTF-8, and the nonce.
 * The prefixes make the split unambiguous, and since the first byte is 0x00 the bytes can never be
 * read as a DER structure (a certificate or CSR body starts with 0x30), so a challenge signature
 * cannot be replayed as anything else. Throws RangeError for an empty or over-long purpose or
 * origin, or a nonce length outside 16–64.
 */
export function createChallenge({ purpose, origin, bytes = 32 }: CreateChallengeInput): Challenge {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 64) throw new RangeError('nonce length must be 16–64 bytes');
  const nonce = new Uint8Array(randomBytes(bytes));
  return { nonce, toBeSigned: encodeChallenge(purpose, origin, nonce) };
}

/**
 * Signs a challenge with the customer's key (Node's WebCrypto or a PKCS#11 provider's). Refuses
 * bytes that are not a challenge, so that this helper is never a signing oracle for other data.
 * Throws RangeError for such bytes and DomainError PKI_KEY_UNSUPPORTED for a key other than
 * RSA/SHA-256 or ECDSA P-256.
 */
export async function signChallenge(toBeSigned: Uint8Array, key: SigningKey): Promise<Uint8Array> {
  if (!isChallenge(toBeSigned)) throw new RangeError('not a branch-ra challenge');
  return signBytes(toBeSigned, key);
}

/**
 * True when `signature` over `toBeSigned` verifies with the certificate's public key: RSA with
 * PKCS #1 v1.5 and SHA-256, or ECDSA on P-256 with SHA-256. False for any other key type, for a
 * bad signature and for bytes that are not a challenge. Throws DomainError PKI_DATA_MALFORMED
 * when the certificate cannot be read. The certificate's validity and status are the caller's to check.
 */
export function verifyChallenge({ toBeSigned, signature, certificate }: VerifyChallengeInput): boolean {
  const spki = readCertificate(certificate).publicKey;
  if (!isChallenge(toBeSigned)) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const type = key.asymmetricKeyType;
    if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return false;
    if (type !== 'rsa' && type !== 'ec') return false;
    return verify('sha256', toBeSigned, key, signature);
  } catch {
    return false;
  }
}

function encodeChallenge(purpose: string, origin: string, nonce: Uint8Array): Uint8Array {
  const fields = [CHALLENGE_LABEL, purpose, origin].map((text) => new Uint8Array(Buffer.from(text, 'utf8')));
  for (const field of fields.slice(1)) {
    if (field.byteLength === 0 || field.byteLength > MAX_FIELD_BYTES) {
      throw new RangeError(`challenge purpose and origin must be 1–${MAX_FIELD_BYTES} bytes`);
    }
  }
  return concatBytes([...fields, nonce].flatMap((field) => [lengthPrefix(field.byteLength), field]));
}

function lengthPrefix(length: number): Uint8Array {
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, length);
  return prefix;
}

/** Whether `bytes` is exactly four length-prefixed fields, the first being the v1 label. */
function isChallenge(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.byteLength && fields.length < 4) {
    if (at + 4 > bytes.byteLength) return false;
    const length = view.getUint32(at);
    if (at + 4 + length > bytes.byteLength) return false;
    fields.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return (
    at === bytes.byteLength &&
    fields.length === 4 &&
    Buffer.from(fields[0]).toString('utf8') === CHALLENGE_LABEL &&
    fields[3].byteLength >= 16
  );
}
