import { webcrypto } from 'node:crypto';

/** A fresh RSA-2048 RSASSA-PKCS1-v1_5/SHA-256 WebCrypto key pair. Test helper only. */
export async function rsaKeyPair(bits = 2048): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
}

/** A fresh ECDSA P-256 WebCrypto key pair. Test helper only. */
export async function p256KeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}
