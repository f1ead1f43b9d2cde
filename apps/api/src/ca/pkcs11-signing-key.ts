import { DomainError } from '@app/contracts';
import { exportPublicKey, signWithKey, type TokenSession } from '@app/pkcs11';
import type { SigningKey } from '@app/pki';
import { createPublicKey, type webcrypto } from 'node:crypto';

/** A {@link SigningKey} whose private half never leaves the token, with the SPKI of its public half. */
export interface TokenSigningKey extends SigningKey {
  /** SubjectPublicKeyInfo DER of the key pair, read from the token's public key object. */
  readonly spki: Uint8Array;
}

/**
 * The RSA key pair with CKA_ID `id` on the logged-in `session` as a {@link SigningKey} for libs/pki:
 * its `subtle.sign` hands the bytes to the token (CKM_SHA256_RSA_PKCS, which hashes on the token),
 * so libs/pki builds and encodes everything in this process while only the signature is made there.
 * Throws DomainError PRIVATE_KEY_NOT_FOUND when the token holds no such public key.
 */
export async function pkcs11SigningKey(session: TokenSession, id: Uint8Array): Promise<TokenSigningKey> {
  const spki = await exportPublicKey(session, id);
  const details = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).asymmetricKeyDetails;
  // libs/pki picks sha256WithRSAEncryption from this algorithm: it must read as WebCrypto's would.
  const algorithm: webcrypto.RsaHashedKeyAlgorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: { name: 'SHA-256' },
    modulusLength: details?.modulusLength ?? 0,
    publicExponent: new Uint8Array(bigEndian(details?.publicExponent ?? 0n)),
  };
  const privateKey: webcrypto.CryptoKey = { algorithm, extractable: false, type: 'private', usages: ['sign'] };
  return { privateKey, subtle: tokenSubtle(session, id, privateKey), spki };
}

/**
 * The one SubtleCrypto operation a token CA key needs. Anything else (or another key, or another
 * algorithm) is refused rather than quietly served by Node's WebCrypto with a key it does not hold.
 */
function tokenSubtle(session: TokenSession, id: Uint8Array, ownKey: webcrypto.CryptoKey): webcrypto.SubtleCrypto {
  const unsupported = (): Promise<never> =>
    Promise.reject(new TypeError('a PKCS#11 CA key supports only sign (RSASSA-PKCS1-v1_5, SHA-256)'));
  return {
    async sign(algorithm, key, data) {
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (name.toUpperCase() !== 'RSASSA-PKCS1-V1_5') throw new DomainError('PKI_KEY_UNSUPPORTED', { algorithm: name });
      if (key !== ownKey) throw new TypeError('this SubtleCrypto signs only with its own token key');
      const bytes = ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);
      return (await signWithKey(session, id, bytes)).slice().buffer;
    },
    decrypt: unsupported,
    deriveBits: unsupported,
    deriveKey: unsupported,
    digest: unsupported,
    encrypt: unsupported,
    exportKey: unsupported,
    generateKey: unsupported,
    importKey: unsupported,
    unwrapKey: unsupported,
    verify: unsupported,
    wrapKey: unsupported,
  };
}

function bigEndian(value: bigint): number[] {
  const out: number[] = [];
  for (let v = value; v > 0n; v >>= 8n) out.unshift(Number(v & 0xffn));
  return out;
}
