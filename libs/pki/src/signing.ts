import { DomainError } from '@app/contracts';
import { toArrayBuffer } from './bytes';
import { concatBytes, derOid, derTlv, derUnsignedInteger } from './der';
import { createPublicKey, verify, type webcrypto } from 'node:crypto';
import { type CryptoKey, nodeSubtle, type SubtleCrypto } from './crypto-engine';
import { OID } from './oids';

/**
 * A private key that signs what this library builds: a WebCrypto `CryptoKey` (extractable or not)
 * and the `SubtleCrypto` that owns it — Node's by default, a PKCS#11 provider's for a token key.
 */
export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly subtle?: SubtleCrypto;
}

/**
 * AlgorithmIdentifier DER for the key's signature algorithm (RFC 4055 §5 sha256WithRSAEncryption
 * with NULL parameters; RFC 5758 §3.2 ecdsa-with-SHA256 with parameters absent). Only
 * RSASSA-PKCS1-v1_5/SHA-256 and ECDSA P-256 keys are accepted: throws DomainError
 * PKI_KEY_UNSUPPORTED otherwise.
 */
export function signatureAlgorithmDer(key: CryptoKey): Uint8Array {
  return signatureScheme(key).algorithmDer;
}

/** Signs `tbs` with `key` and returns the raw signature bytes in X.509 form (ECDSA as DER `Ecdsa-Sig-Value`). */
export async function signBytes(tbs: Uint8Array, key: SigningKey): Promise<Uint8Array> {
  const scheme = signatureScheme(key.privateKey);
  const subtle = key.subtle ?? nodeSubtle;
  const raw = new Uint8Array(await subtle.sign(scheme.params, key.privateKey, toArrayBuffer(tbs)));
  return scheme.name === 'ECDSA' ? ecdsaRawToDer(raw) : raw;
}

/**
 * The SIGNED{…} pattern of X.509 (RFC 5280 §4.1.1.1–3, RFC 2986 §4.2, RFC 5280 §5.1.1):
 * `SEQUENCE { tbs, signatureAlgorithm, BIT STRING signature }`, signed with `key`.
 */
export async function signStructure(tbs: Uint8Array, key: SigningKey): Promise<Uint8Array> {
  const signature = await signBytes(tbs, key);
  return derTlv(0x30, tbs, signatureAlgorithmDer(key.privateKey), derTlv(0x03, Uint8Array.of(0), signature));
}

interface SignatureScheme {
  readonly name: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  readonly params: webcrypto.Algorithm | webcrypto.EcdsaParams;
  readonly algorithmDer: Uint8Array;
}

const RSA_SHA256: SignatureScheme = {
  name: 'RSASSA-PKCS1-v1_5',
  params: { name: 'RSASSA-PKCS1-v1_5' },
  algorithmDer: derTlv(0x30, derOid(OID.sha256WithRSAEncryption), Uint8Array.of(0x05, 0x00)),
};

const ECDSA_SHA256: SignatureScheme = {
  name: 'ECDSA',
  params: { name: 'ECDSA', hash: 'SHA-256' },
  algorithmDer: derTlv(0x30, derOid(OID.ecdsaWithSHA256)),
};

function signatureScheme(key: CryptoKey): SignatureScheme {
  const alg = key.algorithm as Partial<webcrypto.RsaHashedKeyAlgorithm & webcrypto.EcKeyAlgorithm> &
    webcrypto.KeyAlgorithm;
  if (alg.name === 'RSASSA-PKCS1-v1_5' && alg.hash?.name === 'SHA-256') return RSA_SHA256;
  if (alg.name === 'ECDSA' && alg.namedCurve === 'P-256') return ECDSA_SHA256;
  throw new DomainError('PKI_KEY_UNSUPPORTED', { algorithm: alg.name });
}

/** IEEE P1363 `r || s` (WebCrypto's ECDSA output) to `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3). */
function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.byteLength / 2;
  return derTlv(0x30, concatBytes([derUnsignedInteger(raw.subarray(0, half)), derUnsignedInteger(raw.subarray(half))]));
}

/** Node hash names of the signature algorithms {@link verifySignature} checks. */
const VERIFY_HASH: Readonly<Record<string, string>> = {
  [OID.sha256WithRSAEncryption]: 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  [OID.ecdsaWithSHA256]: 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
};

/**
 * Verifies a SIGNED{…} structure (certificate, CRL, OCSP BasicOCSPResponse parts) given its TBS
 * DER, the AlgorithmIdentifier OID, the signature octets and the signer's SubjectPublicKeyInfo DER.
 * False for an unknown algorithm or a bad signature.
 */
export function verifySignature(
  tbs: Uint8Array,
  algorithmOid: string,
  signature: Uint8Array,
  signerSpki: Uint8Array,
): boolean {
  const hash = VERIFY_HASH[algorithmOid];
  if (!hash) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(signerSpki), format: 'der', type: 'spki' });
    return verify(hash, tbs, key, signature);
  } catch {
    return false;
  }
}
