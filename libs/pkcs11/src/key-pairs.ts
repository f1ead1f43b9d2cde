import { createPublicKey, randomBytes } from 'node:crypto';
import {
  type IKeyPair,
  KeyGenMechanism,
  KeyType,
  ObjectClass,
  type PrivateKey,
  type PublicKey,
  type Session,
  type SessionObject,
} from 'graphene-pk11';
import { type CertificateUsage, DomainError } from '@app/contracts';
import { type TokenSession } from './token-session';

/** A key pair on the token, as the RA refers to it: by its CKA_ID. */
export interface TokenKeyPair {
  /** CKA_ID shared by the private key, the public key and later the certificate. */
  readonly id: Uint8Array;
  readonly label: string;
  /** SubjectPublicKeyInfo DER of the public key (RFC 5280 §4.1.2.7, rsaEncryption). */
  readonly spki: Uint8Array;
}

export interface GenerateKeyPairInput {
  /** CKA_LABEL of both keys (and later of the certificate). */
  readonly label: string;
  /**
   * SIGNING keys sign; ENCRYPTION keys also decrypt and unwrap (their public half encrypts and
   * wraps). Both may sign, because the CSR that certifies a key is signed with that key.
   */
  readonly usage: CertificateUsage;
  /** Modulus length; 2048 unless the CA profile asks for more. */
  readonly modulusBits?: number;
}

/** Length of the random CKA_ID of a new key pair: as long as the SHA-1 IDs other middleware writes. */
export const KEY_ID_BYTES = 20;

/** CKM_SHA256_RSA_PKCS: RSASSA-PKCS1-v1_5 with SHA-256, hashed on the token (PKCS#11 v2.40 §2.1.14). */
const SHA256_RSA_PKCS = 'SHA256_RSA_PKCS';

/**
 * Generates an RSA key pair on the token (C_GenerateKeyPair, run off the event loop: real tokens
 * take seconds to minutes). The private key is a token object, private, sensitive and never
 * extractable; both halves carry a fresh random CKA_ID and `label`. The user must be logged in.
 * On an ezSign the customer confirms with the token's button first; when nobody presses it in
 * time the token creates nothing (TOKEN_BUTTON_TIMEOUT).
 * Throws DomainError TOKEN_FULL, TOKEN_NOT_LOGGED_IN, TOKEN_BUTTON_TIMEOUT, TOKEN_OPERATION_CANCELLED, ….
 */
export async function generateKeyPair(session: TokenSession, input: GenerateKeyPairInput): Promise<TokenKeyPair> {
  const id = randomBytes(KEY_ID_BYTES);
  const encryption = input.usage === 'ENCRYPTION';
  const common = { keyType: KeyType.RSA, token: true, id, label: input.label };
  const publicTemplate = {
    ...common,
    class: ObjectClass.PUBLIC_KEY,
    private: false,
    modulusBits: input.modulusBits ?? 2048,
    publicExponent: Buffer.from([1, 0, 1]),
    verify: true,
    encrypt: encryption,
    wrap: encryption,
  };
  const privateTemplate = {
    ...common,
    class: ObjectClass.PRIVATE_KEY,
    private: true,
    sensitive: true,
    extractable: false,
    sign: true,
    decrypt: encryption,
    unwrap: encryption,
  };
  return session.runConfirmed(async (s) => {
    try {
      const pair = await new Promise<IKeyPair>((resolve, reject) =>
        s.generateKeyPair(KeyGenMechanism.RSA, publicTemplate, privateTemplate, (error, keys) => {
          if (error || !keys) reject(error ?? new Error('C_GenerateKeyPair returned no keys'));
          else resolve(keys);
        }),
      );
      return { id: new Uint8Array(id), label: input.label, spki: rsaSpki(pair.publicKey) };
    } catch (e) {
      removeHalfPair(s, id);
      throw e;
    }
  });
}

/**
 * A failed generation must not leave one half of a pair behind under the fresh CKA_ID (a token
 * that fails late, or a removal mid-way): such an orphan would take a place on the token and
 * confuse the next certificate write. Best effort: the original error is what the caller sees.
 */
function removeHalfPair(s: Session, id: Buffer): void {
  for (const objectClass of [ObjectClass.PRIVATE_KEY, ObjectClass.PUBLIC_KEY]) {
    try {
      s.destroy({ class: objectClass, id });
    } catch {
      // The token may be gone; nothing more can be cleaned then.
    }
  }
}

/** SPKI DER of the public key with CKA_ID `id`. Throws DomainError PRIVATE_KEY_NOT_FOUND when the token has none. */
export async function exportPublicKey(session: TokenSession, id: Uint8Array): Promise<Uint8Array> {
  return session.run((s) => rsaSpki(findKey(s, ObjectClass.PUBLIC_KEY, id).toType<PublicKey>()));
}

/**
 * Signs `data` on the token with the private key of CKA_ID `id` (CKM_SHA256_RSA_PKCS, off the event
 * loop) and returns the RSASSA-PKCS1-v1_5 signature. Proves possession of the key, e.g. for a
 * challenge or a CSR. An ezSign waits for its button. Throws DomainError PRIVATE_KEY_NOT_FOUND,
 * TOKEN_NOT_LOGGED_IN, TOKEN_BUTTON_TIMEOUT, TOKEN_OPERATION_CANCELLED, ….
 */
export async function signWithKey(session: TokenSession, id: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return session.runConfirmed(async (s) => {
    const key = findKey(s, ObjectClass.PRIVATE_KEY, id).toType<PrivateKey>();
    const signature = await new Promise<Buffer>((resolve, reject) =>
      s.createSign(SHA256_RSA_PKCS, key).once(Buffer.from(data), (error, out) => {
        if (error) reject(error);
        else resolve(out);
      }),
    );
    return new Uint8Array(signature);
  });
}

/**
 * The first object of `objectClass` with CKA_ID `id`; PRIVATE_KEY_NOT_FOUND (80092004) when there is
 * none, TOKEN_NOT_LOGGED_IN when a private key is looked for without login (it would be invisible).
 */
export function findKey(s: Session, objectClass: ObjectClass, id: Uint8Array): SessionObject {
  if (objectClass === ObjectClass.PRIVATE_KEY && !isLoggedIn(s)) throw new DomainError('TOKEN_NOT_LOGGED_IN');
  const found = s.find({ class: objectClass, id: Buffer.from(id) });
  if (found.length === 0) throw new DomainError('PRIVATE_KEY_NOT_FOUND', { id: Buffer.from(id).toString('hex') });
  return found.items(0);
}

/** SubjectPublicKeyInfo DER from the RSA public key's CKA_MODULUS and CKA_PUBLIC_EXPONENT. */
export function rsaSpki(key: PublicKey | SessionObject): Uint8Array {
  const { modulus, publicExponent } = key.getAttribute({ modulus: null, publicExponent: null }) as {
    modulus: Buffer;
    publicExponent: Buffer;
  };
  const jwk = { kty: 'RSA', n: modulus.toString('base64url'), e: publicExponent.toString('base64url') };
  return new Uint8Array(createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
}

/** CK_STATE values of a logged-in user session (PKCS#11 v2.40 §5.6 C_GetSessionInfo). */
const USER_SESSION_STATES = new Set([1, 3]);

/** Whether the user is logged in to the session's token (private objects are visible). */
export function isLoggedIn(s: Session): boolean {
  return USER_SESSION_STATES.has(s.lib.C_GetSessionInfo(s.handle).state);
}
