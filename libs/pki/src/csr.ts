import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { DomainError } from '@app/contracts';
import { type DnAttribute } from '@app/domain';
import { fromPem } from './bytes';
import { type CryptoKey, nodeSubtle, type SubtleCrypto } from './crypto-engine';
import { assertDer, children, derSmallInteger, derTlv, readOid, readTlv, tlvBytes, tlvContent } from './der';
import { encodeName, parseName, type ParsedName } from './distinguished-name';
import { OID } from './oids';
import { signStructure } from './signing';

/** Which subject keys a CSR may carry. */
export interface KeyPolicy {
  /** Smallest RSA modulus in bits (the modulus must also be a whole number of bytes). */
  readonly rsaMinBits: number;
  /** Largest RSA modulus in bits: beyond it verification costs grow for no benefit. */
  readonly rsaMaxBits: number;
  /** Whether ECDSA keys on P-256 are accepted. */
  readonly allowP256: boolean;
}

export const DEFAULT_KEY_POLICY: KeyPolicy = { rsaMinBits: 2048, rsaMaxBits: 8192, allowP256: false };

export interface ParseCsrOptions {
  /** Largest accepted input, PEM or DER, in bytes (default 16 KiB). */
  readonly maxBytes?: number;
  readonly keyPolicy?: KeyPolicy;
}

/** A CSR that passed every check of {@link parseCsr}. */
export interface ParsedCsr {
  /** The CSR's DER. */
  readonly der: Uint8Array;
  /** SubjectPublicKeyInfo DER, byte for byte as in the request: what the certificate will certify. */
  readonly publicKey: Uint8Array;
  /** The subject the request claims (the RA decides the certificate's subject, not this). */
  readonly subject: ParsedName;
  readonly keyAlgorithm: 'RSA' | 'EC-P256';
  /** RSA modulus length, or 256 for P-256. */
  readonly keyBits: number;
}

export const DEFAULT_CSR_MAX_BYTES = 16 * 1024;

const PEM_LABELS = ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'];

/**
 * Signature algorithms accepted on a request and their digests: SHA-2 RSA (RFC 4055 §5) and ECDSA
 * (RFC 5758 §3.2). RSA-PSS and SHA-1 are refused.
 */
const CSR_SIGNATURE_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  [OID.sha256WithRSAEncryption, 'sha256'],
  ['1.2.840.113549.1.1.12', 'sha384'], // sha384WithRSAEncryption
  ['1.2.840.113549.1.1.13', 'sha512'], // sha512WithRSAEncryption
  [OID.ecdsaWithSHA256, 'sha256'],
  ['1.2.840.10045.4.3.3', 'sha384'], // ecdsa-with-SHA384
]);

/**
 * Parses and checks a PKCS#10 certification request (RFC 2986 §4) given as PEM text or DER bytes:
 * size limit, strict DER, version 0, subject key allowed by `keyPolicy`, signature made with that
 * key. Throws DomainError CSR_TOO_LARGE `{ max }`, CSR_MALFORMED, CSR_KEY_TOO_WEAK
 * `{ algorithm, bits, minBits }`, PKI_KEY_UNSUPPORTED `{ algorithm }` or CSR_SIGNATURE_INVALID.
 * The claimed subject is returned, not trusted: see {@link checkCsrSubject}.
 */
export async function parseCsr(input: string | Uint8Array, options: ParseCsrOptions = {}): Promise<ParsedCsr> {
  const maxBytes = options.maxBytes ?? DEFAULT_CSR_MAX_BYTES;
  const policy = options.keyPolicy ?? DEFAULT_KEY_POLICY;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > maxBytes) throw new DomainError('CSR_TOO_LARGE', { max: maxBytes });

  const der = csrBytes(input);
  const parts = csrParts(der);
  const key = checkKey(parts.spki, policy);
  const digest = CSR_SIGNATURE_ALGORITHMS.get(parts.signatureAlgorithm);
  if (!digest) throw new DomainError('CSR_SIGNATURE_INVALID', { algorithm: parts.signatureAlgorithm });
  // Node's verify on the thread pool: pkijs's object model cost ≈ 6 ms of main-thread time per request.
  if (!(await verifyAsync(digest, parts.info, key.publicKeyObject, parts.signature))) {
    throw new DomainError('CSR_SIGNATURE_INVALID');
  }

  return {
    der,
    publicKey: parts.spki,
    subject: parseName(parts.subject),
    keyAlgorithm: key.keyAlgorithm,
    keyBits: key.keyBits,
  };
}

/**
 * Checks the request's claimed subject against the CN the RA assigned to the application: it must
 * hold exactly one CN, equal to `assignedCn`. Throws DomainError CSR_SUBJECT_MISMATCH otherwise.
 * The certificate's subject is built by the RA anyway; this catches a request for the wrong application.
 */
export function checkCsrSubject(csr: ParsedCsr, assignedCn: string): void {
  const cns = csr.subject.rdns.flat().filter((a) => a.type === 'CN');
  if (cns.length !== 1 || cns[0].value !== assignedCn) throw new DomainError('CSR_SUBJECT_MISMATCH', { field: 'CN' });
}

export interface CreateCsrInput {
  readonly subject: readonly DnAttribute[];
  readonly keyPair: { readonly publicKey: CryptoKey; readonly privateKey: CryptoKey };
  /** The SubtleCrypto that owns the keys (a PKCS#11 provider's for a token key); Node's by default. */
  readonly subtle?: SubtleCrypto;
}

/**
 * Builds and signs a PKCS#10 request (RFC 2986 §4.1: `CertificationRequestInfo ::= SEQUENCE {
 * version INTEGER (0), subject Name, subjectPKInfo, attributes [0] }`) with no attributes. The key
 * pair may be any WebCrypto RSASSA-PKCS1-v1_5/SHA-256 or ECDSA P-256 pair whose public key exports as SPKI.
 */
export async function createCsr({ subject, keyPair, subtle = nodeSubtle }: CreateCsrInput): Promise<Uint8Array> {
  const spki = new Uint8Array(await subtle.exportKey('spki', keyPair.publicKey));
  const info = derTlv(0x30, derSmallInteger(0), encodeName(subject), spki, derTlv(0xa0));
  return signStructure(info, { privateKey: keyPair.privateKey, subtle });
}

function csrBytes(input: string | Uint8Array): Uint8Array {
  if (typeof input !== 'string' && !startsWithDash(input)) return input;
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const der = fromPem(text, PEM_LABELS);
  if (!der) throw new DomainError('CSR_MALFORMED');
  return der;
}

function startsWithDash(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart();
  return text.startsWith('-----');
}

interface CsrParts {
  /** CertificationRequestInfo DER: what the signature covers. */
  readonly info: Uint8Array;
  readonly subject: Uint8Array;
  readonly spki: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
}

/**
 * The parts of `CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm,
 * signature BIT STRING }` (RFC 2986 §4.2), read with the strict DER reader; version must be 0.
 */
function csrParts(der: Uint8Array): CsrParts {
  try {
    assertDer(der);
    const top = children(der, readTlv(der, 0));
    if (top.length !== 3 || top[0].tag !== 0x30 || top[1].tag !== 0x30 || top[2].tag !== 0x03) {
      throw new Error('not a CSR');
    }
    const info = children(der, top[0]);
    if (info.length !== 4 || info[1].tag !== 0x30 || info[2].tag !== 0x30 || info[3].tag !== 0xa0)
      throw new Error('not a CSR');
    const version = tlvContent(der, info[0]);
    if (info[0].tag !== 0x02 || version.byteLength !== 1 || version[0] !== 0) throw new Error('not version 1');
    const [algorithm] = children(der, top[1]);
    const bits = tlvContent(der, top[2]);
    if (bits.byteLength < 2 || bits[0] !== 0) throw new Error('signature is not whole octets');
    return {
      info: tlvBytes(der, top[0]),
      subject: tlvBytes(der, info[1]),
      spki: tlvBytes(der, info[2]),
      signatureAlgorithm: readOid(der, algorithm),
      signature: bits.subarray(1),
    };
  } catch {
    throw new DomainError('CSR_MALFORMED');
  }
}

function verifyAsync(digest: string, data: Uint8Array, key: KeyObject, signature: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    verify(digest, data, { key, dsaEncoding: 'der' }, signature, (error, ok) => resolve(!error && ok));
  });
}

type CheckedKey = Pick<ParsedCsr, 'keyAlgorithm' | 'keyBits'> & { readonly publicKeyObject: KeyObject };

function checkKey(spki: Uint8Array, policy: KeyPolicy): CheckedKey {
  let details: { type?: string; modulusLength?: number; publicExponent?: bigint; namedCurve?: string };
  let publicKeyObject: KeyObject;
  try {
    publicKeyObject = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    details = { type: publicKeyObject.asymmetricKeyType, ...publicKeyObject.asymmetricKeyDetails };
  } catch {
    throw new DomainError('CSR_MALFORMED');
  }
  if (details.type === 'rsa') {
    const bits = details.modulusLength ?? 0;
    const e = details.publicExponent ?? 0n;
    if (bits > policy.rsaMaxBits) throw new DomainError('PKI_KEY_UNSUPPORTED', { algorithm: 'RSA', bits });
    if (bits < policy.rsaMinBits || bits % 8 !== 0 || e < 3n || e % 2n === 0n) {
      throw new DomainError('CSR_KEY_TOO_WEAK', { algorithm: 'RSA', bits, minBits: policy.rsaMinBits });
    }
    return { keyAlgorithm: 'RSA', keyBits: bits, publicKeyObject };
  }
  if (details.type === 'ec' && details.namedCurve === 'prime256v1' && policy.allowP256) {
    return { keyAlgorithm: 'EC-P256', keyBits: 256, publicKeyObject };
  }
  throw new DomainError('CSR_KEY_TOO_WEAK', {
    algorithm: details.type === 'ec' ? `EC ${details.namedCurve ?? ''}`.trim() : (details.type ?? 'unknown'),
    bits: details.type === 'ec' && details.namedCurve === 'prime256v1' ? 256 : 0,
    minBits: policy.rsaMinBits,
  });
}
