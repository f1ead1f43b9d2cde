import { createHash } from 'node:crypto';
import { DomainError } from '@app/contracts';
import { type CaIssuer, type CertificateInfo } from './certificate-info';
import { type CrlReason, CRL_REASON_CODES } from './crl';
import {
  assertDer,
  children,
  derGeneralizedTime,
  derOid,
  derTlv,
  readOid,
  readTlv,
  type Tlv,
  tlvBytes,
  tlvContent,
} from './der';
import { extension } from './extensions';
import { toHex } from './bytes';
import { OID } from './oids';
import { signatureAlgorithmDer, signBytes } from './signing';

/** CertID (RFC 6960 §4.1.1) of one request, with the hash algorithm as a Node hash name. */
export interface OcspCertId {
  readonly hashAlgorithm: 'sha1' | 'sha256';
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  /** Lowercase minimal hex serial. */
  readonly serial: string;
  /** The CertID DER as it came: echoed back unchanged in the response. */
  readonly der: Uint8Array;
}

export interface ParsedOcspRequest {
  readonly certIds: OcspCertId[];
  /** The nonce extension's value (RFC 8954), echoed back when present. */
  readonly nonce?: Uint8Array;
}

const HASHES: Readonly<Record<string, OcspCertId['hashAlgorithm']>> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256' };

/** Largest OCSP request accepted: a handful of CertIDs and a nonce fit in far less. */
export const MAX_OCSP_REQUEST_BYTES = 8 * 1024;

/**
 * Reads an unsigned OCSPRequest (RFC 6960 §4.1.1): its CertIDs and nonce. Requests with a CertID
 * hash other than SHA-1/SHA-256 or more than 16 CertIDs are malformed for us. Throws DomainError
 * PKI_DATA_MALFORMED (answer with {@link ocspErrorResponse} `malformedRequest`).
 */
export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  try {
    if (der.byteLength > MAX_OCSP_REQUEST_BYTES) throw new Error('too large');
    assertDer(der, 12);
    const [tbs] = children(der, readTlv(der, 0));
    const fields = children(der, tbs);
    const requestList = fields.find((f) => f.tag === 0x30);
    if (!requestList) throw new Error('no requestList');
    const requests = children(der, requestList);
    if (requests.length === 0 || requests.length > 16) throw new Error('request count');
    const certIds = requests.map((request) => readCertId(der, children(der, request)[0]));
    const extensions = fields.find((f) => f.tag === 0xa2);
    let nonce: Uint8Array | undefined;
    if (extensions) {
      for (const ext of children(der, children(der, extensions)[0])) {
        const parts = children(der, ext);
        if (readOid(der, parts[0]) === OID.ocspNonce) nonce = tlvContent(der, parts[parts.length - 1]).slice();
      }
    }
    return { certIds, nonce };
  } catch {
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'OCSPRequest' });
  }
}

/** Whether `certId` names `issuer` (RFC 6960 §4.1.1: hashes of its subject Name DER and public key bits). */
export function certIdMatchesIssuer(certId: OcspCertId, issuer: CertificateInfo): boolean {
  const nameHash = createHash(certId.hashAlgorithm).update(issuer.subject).digest();
  return nameHash.equals(certId.issuerNameHash) && keyHash(issuer, certId.hashAlgorithm).equals(certId.issuerKeyHash);
}

export type OcspStatus =
  | { readonly status: 'good' }
  | { readonly status: 'revoked'; readonly revokedAt: Date; readonly reason: CrlReason }
  | { readonly status: 'unknown' };

export interface OcspAnswer {
  readonly certId: OcspCertId;
  readonly status: OcspStatus;
}

export interface BuildOcspResponseInput {
  /** Who signs: the issuing CA itself, or a delegated responder whose certificate it issued (then included). */
  readonly responder: CaIssuer;
  /** Set when the responder is a delegated one, so that its certificate goes into the response. */
  readonly delegated?: boolean;
  readonly answers: readonly OcspAnswer[];
  readonly producedAt: Date;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly nonce?: Uint8Array;
}

/**
 * Builds a successful OCSPResponse (RFC 6960 §4.2.1) around a BasicOCSPResponse signed by the
 * responder: ResponderID byKey, one SingleResponse per answer (good / revoked with revocationReason
 * — certificateHold included — / unknown), the request's nonce echoed. Returns the DER.
 */
export async function buildOcspResponse(input: BuildOcspResponseInput): Promise<Uint8Array> {
  const responderId = derTlv(0xa2, derTlv(0x04, keyHash(input.responder.certificate, 'sha1')));
  const responses = input.answers.map((answer) =>
    derTlv(
      0x30,
      answer.certId.der,
      certStatus(answer.status),
      derGeneralizedTime(input.thisUpdate),
      ...(input.nextUpdate ? [derTlv(0xa0, derGeneralizedTime(input.nextUpdate))] : []),
    ),
  );
  const extensions = input.nonce ? [derTlv(0xa1, derTlv(0x30, extension(OID.ocspNonce, false, input.nonce)))] : [];
  const tbs = derTlv(
    0x30,
    responderId,
    derGeneralizedTime(input.producedAt),
    derTlv(0x30, ...responses),
    ...extensions,
  );
  const signature = await signBytes(tbs, input.responder.key);
  const basic = derTlv(
    0x30,
    tbs,
    signatureAlgorithmDer(input.responder.key.privateKey),
    derTlv(0x03, Uint8Array.of(0), signature),
    ...(input.delegated ? [derTlv(0xa0, derTlv(0x30, input.responder.certificate.der))] : []),
  );
  const responseBytes = derTlv(0x30, derOid(OID.ocspBasic), derTlv(0x04, basic));
  return derTlv(0x30, Uint8Array.of(0x0a, 0x01, 0x00), derTlv(0xa0, responseBytes));
}

/** OCSPResponseStatus values of an unsuccessful response (RFC 6960 §4.2.1). */
export const OCSP_ERROR_STATUS = {
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
} as const;

/** An unsuccessful OCSPResponse: the status alone, no responseBytes (RFC 6960 §4.2.1). */
export function ocspErrorResponse(status: keyof typeof OCSP_ERROR_STATUS): Uint8Array {
  return derTlv(0x30, Uint8Array.of(0x0a, 0x01, OCSP_ERROR_STATUS[status]));
}

/** CertStatus (RFC 6960 §4.2.1): good [0] NULL, revoked [1] RevokedInfo, unknown [2] NULL. */
function certStatus(status: OcspStatus): Uint8Array {
  switch (status.status) {
    case 'good':
      return Uint8Array.of(0x80, 0x00);
    case 'unknown':
      return Uint8Array.of(0x82, 0x00);
    case 'revoked': {
      const code = CRL_REASON_CODES[status.reason];
      return derTlv(
        0xa1,
        derGeneralizedTime(status.revokedAt),
        ...(code === 0 ? [] : [derTlv(0xa0, Uint8Array.of(0x0a, 0x01, code))]),
      );
    }
  }
}

function readCertId(der: Uint8Array, tlv: Tlv): OcspCertId {
  const [alg, nameHash, keyHashTlv, serial] = children(der, tlv);
  const hashAlgorithm = HASHES[readOid(der, children(der, alg)[0])];
  if (!hashAlgorithm || nameHash.tag !== 0x04 || keyHashTlv.tag !== 0x04 || serial.tag !== 0x02)
    throw new Error('CertID');
  const raw = tlvContent(der, serial);
  let start = 0;
  while (start < raw.byteLength - 1 && raw[start] === 0) start++;
  return {
    hashAlgorithm,
    issuerNameHash: tlvContent(der, nameHash).slice(),
    issuerKeyHash: tlvContent(der, keyHashTlv).slice(),
    serial: toHex(raw.subarray(start)),
    der: tlvBytes(der, tlv).slice(),
  };
}

/** Hash of the subjectPublicKey BIT STRING value (RFC 6960 §4.1.1 issuerKeyHash, §4.2.1 KeyHash). */
function keyHash(cert: CertificateInfo, algorithm: 'sha1' | 'sha256'): Buffer {
  const [, key] = children(cert.publicKey, readTlv(cert.publicKey, 0));
  return createHash(algorithm).update(tlvContent(cert.publicKey, key).subarray(1)).digest();
}
