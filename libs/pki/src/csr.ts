import { createPublicKey } from 'node:crypto';
import * as pkijs from 'pkijs';
import { DomainError } from '@app/contracts';
import { type DnAttribute } from '@app/domain';
import { fromPem, toArrayBuffer } from './bytes';
import { type CryptoKey, nodeSubtle, pkiEngine, type SubtleCrypto } from './crypto-engine';
import { assertDer, children, derSmallInteger, derTlv, readTlv, tlvBytes } from './der';
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

/** Signature algorithms accepted on a request: SHA-2 RSA (RFC 4055 §5) and ECDSA (RFC 5758 §3.2). */
const CSR_SIGNATURE_ALGORITHMS = new Set([
  OID.sha256WithRSAEncryption,
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  OID.ecdsaWithSHA256,
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
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

  let request: pkijs.CertificationRequest;
  try {
    request = pkijs.CertificationRequest.fromBER(toArrayBuffer(der));
  } catch {
    throw new DomainError('CSR_MALFORMED');
  }
  if (request.version !== 0) throw new DomainError('CSR_MALFORMED');
  if (!CSR_SIGNATURE_ALGORITHMS.has(request.signatureAlgorithm.algorithmId as never)) {
    throw new DomainError('CSR_SIGNATURE_INVALID', { algorithm: request.signatureAlgorithm.algorithmId });
  }
  const valid = await request.verify(pkiEngine()).catch(() => false);
  if (!valid) throw new DomainError('CSR_SIGNATURE_INVALID');

  return { der, publicKey: parts.spki, subject: parseName(parts.subject), ...key };
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

/** The subject Name and SubjectPublicKeyInfo TLVs of a CSR, read with the strict DER reader. */
function csrParts(der: Uint8Array): { subject: Uint8Array; spki: Uint8Array } {
  try {
    assertDer(der);
    const top = children(der, readTlv(der, 0));
    if (top.length !== 3 || top[0].tag !== 0x30) throw new Error('not a CSR');
    const info = children(der, top[0]);
    if (info.length !== 4 || info[1].tag !== 0x30 || info[2].tag !== 0x30 || info[3].tag !== 0xa0)
      throw new Error('not a CSR');
    return { subject: tlvBytes(der, info[1]), spki: tlvBytes(der, info[2]) };
  } catch {
    throw new DomainError('CSR_MALFORMED');
  }
}

function checkKey(spki: Uint8Array, policy: KeyPolicy): Pick<ParsedCsr, 'keyAlgorithm' | 'keyBits'> {
  let details: { type?: string; modulusLength?: number; publicExponent?: bigint; namedCurve?: string };
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    details = { type: key.asymmetricKeyType, ...key.asymmetricKeyDetails };
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
    return { keyAlgorithm: 'RSA', keyBits: bits };
  }
  if (details.type === 'ec' && details.namedCurve === 'prime256v1' && policy.allowP256) {
    return { keyAlgorithm: 'EC-P256', keyBits: 256 };
  }
  throw new DomainError('CSR_KEY_TOO_WEAK', {
    algorithm: details.type === 'ec' ? `EC ${details.namedCurve ?? ''}`.trim() : (details.type ?? 'unknown'),
    bits: details.type === 'ec' && details.namedCurve === 'prime256v1' ? 256 : 0,
    minBits: policy.rsaMinBits,
  });
}
