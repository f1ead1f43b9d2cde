import { DomainError, type RevocationReason } from '@app/contracts';
import { type CaIssuer, type CertificateInfo } from './certificate-info';
import {
  assertDer,
  children,
  concatBytes,
  derHeader,
  derOid,
  derSmallInteger,
  derTime,
  derTlv,
  derUnsignedInteger,
  readOid,
  readTime,
  readTlv,
  type Tlv,
  tlvBytes,
  tlvContent,
} from './der';
import { authorityKeyIdentifierExtension, extension } from './extensions';
import { serialInteger } from './issue-certificate';
import { toHex } from './bytes';
import { OID } from './oids';
import { signatureAlgorithmDer, signStructure, verifySignature } from './signing';

/** Why a certificate is on the CRL: the RA's revocation reasons plus a hold (suspension). */
export type CrlReason = RevocationReason | 'CERTIFICATE_HOLD';

/** RFC 5280 §5.3.1 CRLReason values. */
export const CRL_REASON_CODES: Readonly<Record<CrlReason, number>> = {
  UNSPECIFIED: 0,
  KEY_COMPROMISE: 1,
  AFFILIATION_CHANGED: 3,
  SUPERSEDED: 4,
  CESSATION_OF_OPERATION: 5,
  CERTIFICATE_HOLD: 6,
};

const REASON_BY_CODE = new Map<number, CrlReason>(
  Object.entries(CRL_REASON_CODES).map(([reason, code]) => [code, reason as CrlReason]),
);

export interface RevokedEntry {
  /** Serial as hex (any case, leading zero octets ignored). */
  readonly serial: string;
  readonly revokedAt: Date;
  readonly reason: CrlReason;
}

export interface BuildCrlInput {
  readonly issuer: CaIssuer;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Monotonically increasing cRLNumber (RFC 5280 §5.2.3). */
  readonly crlNumber: bigint | number;
  readonly entries: Iterable<RevokedEntry>;
}

/**
 * Builds and signs a full CRL v2 (RFC 5280 §5.1): issuer, thisUpdate, nextUpdate, one entry per
 * revoked or held certificate with its revocationDate and reasonCode (§5.3.1; left out for
 * UNSPECIFIED as §5.3.1 recommends), and the cRLNumber (§5.2.3) and authority key identifier
 * (§5.2.1) extensions. The revoked list is written straight to DER, so 100k entries stay cheap.
 * Returns the CRL DER.
 */
export async function buildCrl(input: BuildCrlInput): Promise<Uint8Array> {
  if (!(input.nextUpdate.getTime() > input.thisUpdate.getTime()))
    throw new RangeError('nextUpdate must be after thisUpdate');
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const entry of input.entries) {
    const encoded = revokedEntry(entry);
    parts.push(encoded);
    length += encoded.byteLength;
  }
  const revoked = parts.length > 0 ? [derHeader(0x30, length), ...parts] : [];
  const extensions = derTlv(
    0xa0,
    derTlv(
      0x30,
      authorityKeyIdentifierExtension(input.issuer.certificate.keyId),
      extension(OID.cRLNumber, false, crlNumberInteger(input.crlNumber)),
    ),
  );
  const head = concatBytes([
    derSmallInteger(1),
    signatureAlgorithmDer(input.issuer.key.privateKey),
    input.issuer.certificate.subject,
    derTime(input.thisUpdate),
    derTime(input.nextUpdate),
  ]);
  const body = [head, ...revoked, extensions];
  const tbs = concatBytes([
    derHeader(
      0x30,
      body.reduce((n, p) => n + p.byteLength, 0),
    ),
    ...body,
  ]);
  return signStructure(tbs, input.issuer.key);
}

/** A CRL read back by {@link parseCrl}. */
export interface ParsedCrl {
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  /** cRLNumber as a bigint, when present. */
  readonly crlNumber?: bigint;
  /** Entries with lowercase minimal hex serials; `reason` UNSPECIFIED when the entry has no reasonCode. */
  readonly entries: RevokedEntry[];
  /** Whether the signature verifies with the issuer's key (only when `issuer` was given). */
  readonly signatureValid?: boolean;
}

/**
 * Reads a CRL v2 (RFC 5280 §5.1) from DER with the strict DER reader of this library (no per-node
 * objects, so a 100k-entry CRL needs no raised parser limits) and, given the issuer certificate,
 * checks its signature. Meant for CRLs this CA signed: reason codes outside {@link CrlReason}
 * and unknown critical extensions are reported as PKI_DATA_MALFORMED.
 */
export function parseCrl(der: Uint8Array, issuer?: CertificateInfo): ParsedCrl {
  try {
    assertDer(der, 12);
    const [tbsTlv, algTlv, sigTlv] = children(der, readTlv(der, 0));
    const fields = children(der, tbsTlv);
    let i = 0;
    if (fields[i].tag === 0x02) i++; // version v2
    i++; // signature AlgorithmIdentifier
    const issuerName = tlvBytes(der, fields[i++]);
    const thisUpdate = readTime(der, fields[i++]);
    const nextUpdate =
      fields[i] && (fields[i].tag === 0x17 || fields[i].tag === 0x18) ? readTime(der, fields[i++]) : undefined;
    const entries: RevokedEntry[] = [];
    if (fields[i]?.tag === 0x30) {
      for (const entry of children(der, fields[i++])) entries.push(readEntry(der, entry));
    }
    let crlNumber: bigint | undefined;
    if (fields[i]?.tag === 0xa0) {
      const [list] = children(der, fields[i]);
      for (const ext of children(der, list)) {
        const [oid, ...rest] = children(der, ext);
        if (oidIs(der, oid, OID.cRLNumber)) {
          const value = tlvContent(der, rest[rest.length - 1]);
          crlNumber = BigInt(`0x${toHex(tlvContent(value, readTlv(value, 0))) || '0'}`);
        }
      }
    }
    let signatureValid: boolean | undefined;
    if (issuer) {
      const [algOid] = children(der, algTlv);
      const oid = readOid(der, algOid);
      signatureValid =
        Buffer.from(issuerName).equals(issuer.subject) &&
        verifySignature(tlvBytes(der, tbsTlv), oid, tlvContent(der, sigTlv).subarray(1), issuer.publicKey);
    }
    return { issuer: issuerName, thisUpdate, nextUpdate, crlNumber, entries, signatureValid };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'CertificateList' });
  }
}

const REASON_EXTENSIONS = new Map<number, Uint8Array>();

/** `SEQUENCE { userCertificate, revocationDate, crlEntryExtensions }` (RFC 5280 §5.1.2.6). */
function revokedEntry(entry: RevokedEntry): Uint8Array {
  const code = CRL_REASON_CODES[entry.reason];
  if (code === undefined) throw new RangeError(`unknown CRL reason ${String(entry.reason)}`);
  const serial = serialInteger(entry.serial);
  const date = derTime(entry.revokedAt);
  if (code === 0) return derTlv(0x30, serial, date);
  let reasonExtensions = REASON_EXTENSIONS.get(code);
  if (!reasonExtensions) {
    reasonExtensions = derTlv(0x30, extension(OID.reasonCode, false, Uint8Array.of(0x0a, 0x01, code)));
    REASON_EXTENSIONS.set(code, reasonExtensions);
  }
  return derTlv(0x30, serial, date, reasonExtensions);
}

function readEntry(der: Uint8Array, entry: Tlv): RevokedEntry {
  const [serialTlv, dateTlv, extsTlv] = children(der, entry);
  let reason: CrlReason = 'UNSPECIFIED';
  if (extsTlv) {
    for (const ext of children(der, extsTlv)) {
      const parts = children(der, ext);
      if (oidIs(der, parts[0], OID.reasonCode)) {
        const value = tlvContent(der, parts[parts.length - 1]);
        const enumerated = readTlv(value, 0);
        const found = REASON_BY_CODE.get(value[enumerated.contentStart]);
        if (enumerated.tag !== 0x0a || !found) throw new Error('reason code');
        reason = found;
      } else if (parts.length === 3) {
        throw new Error('unknown critical entry extension');
      }
    }
  }
  const raw = tlvContent(der, serialTlv);
  let start = 0;
  while (start < raw.byteLength - 1 && raw[start] === 0) start++;
  return { serial: toHex(raw.subarray(start)), revokedAt: readTime(der, dateTlv), reason };
}

function crlNumberInteger(n: bigint | number): Uint8Array {
  const value = BigInt(n);
  if (value < 0n) throw new RangeError('cRLNumber must not be negative');
  const hex = value.toString(16);
  return derUnsignedInteger(new Uint8Array(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')));
}

function oidIs(der: Uint8Array, tlv: Tlv, dotted: string): boolean {
  return Buffer.from(tlvBytes(der, tlv)).equals(derOid(dotted));
}
