import { createHash } from 'node:crypto';
import { children, derOid, derSmallInteger, derTlv, readTlv, tlvContent } from './der';
import { OID } from './oids';

/** RFC 5280 §4.2.1.3 KeyUsage bit names, in bit order. */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
] as const;
export type KeyUsage = (typeof KEY_USAGE_BITS)[number];

/**
 * `Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue
 * OCTET STRING }` (RFC 5280 §4.1): `value` is the DER of the extension's own type.
 */
export function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return derTlv(0x30, derOid(oid), ...(critical ? [Uint8Array.of(0x01, 0x01, 0xff)] : []), derTlv(0x04, value));
}

/** `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension` in the `[3] EXPLICIT` wrapper of TBSCertificate (RFC 5280 §4.1). */
export function certificateExtensions(extensions: readonly Uint8Array[]): Uint8Array {
  return derTlv(0xa3, derTlv(0x30, ...extensions));
}

/** Basic constraints (RFC 5280 §4.2.1.9), critical: `SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }`. */
export function basicConstraintsExtension(ca: boolean, pathLen?: number): Uint8Array {
  const parts = ca
    ? [Uint8Array.of(0x01, 0x01, 0xff), ...(pathLen === undefined ? [] : [derSmallInteger(pathLen)])]
    : [];
  return extension(OID.basicConstraints, true, derTlv(0x30, ...parts));
}

/** Key usage (RFC 5280 §4.2.1.3), critical: a DER named BIT STRING, trailing zero bits removed (X.690 §11.2.2). */
export function keyUsageExtension(usages: readonly KeyUsage[]): Uint8Array {
  let bits = 0;
  for (const usage of usages) bits |= 0x80 >> KEY_USAGE_BITS.indexOf(usage);
  let unused = 0;
  while (unused < 8 && bits !== 0 && (bits & (1 << unused)) === 0) unused++;
  return extension(OID.keyUsage, true, derTlv(0x03, Uint8Array.of(unused, bits)));
}

/**
 * The key identifier of RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING
 * value (without tag, length and unused-bits octets), from a SubjectPublicKeyInfo DER.
 */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(spkiKeyBits(spki)).digest());
}

/** Subject key identifier (RFC 5280 §4.2.1.2): `KeyIdentifier ::= OCTET STRING`. */
export function subjectKeyIdentifierExtension(keyId: Uint8Array): Uint8Array {
  return extension(OID.subjectKeyIdentifier, false, derTlv(0x04, keyId));
}

/** Authority key identifier (RFC 5280 §4.2.1.1): `SEQUENCE { keyIdentifier [0] IMPLICIT KeyIdentifier }`. */
export function authorityKeyIdentifierExtension(keyId: Uint8Array): Uint8Array {
  return extension(OID.authorityKeyIdentifier, false, derTlv(0x30, derTlv(0x80, keyId)));
}

/**
 * CRL distribution points (RFC 5280 §4.2.1.13): one DistributionPoint per URL, each `{
 * distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }`.
 */
export function crlDistributionPointsExtension(urls: readonly string[]): Uint8Array {
  const points = urls.map((url) => derTlv(0x30, derTlv(0xa0, derTlv(0xa0, uri(url)))));
  return extension(OID.cRLDistributionPoints, false, derTlv(0x30, ...points));
}

/** Authority information access (RFC 5280 §4.2.2.1): `AccessDescription { accessMethod, accessLocation [6] URI }` for OCSP and caIssuers. */
export function authorityInfoAccessExtension(access: {
  ocsp?: readonly string[];
  caIssuers?: readonly string[];
}): Uint8Array {
  const descriptions = [
    ...(access.ocsp ?? []).map((url) => derTlv(0x30, derOid(OID.accessOcsp), uri(url))),
    ...(access.caIssuers ?? []).map((url) => derTlv(0x30, derOid(OID.accessCaIssuers), uri(url))),
  ];
  return extension(OID.authorityInfoAccess, false, derTlv(0x30, ...descriptions));
}

/** Certificate policies (RFC 5280 §4.2.1.4): `PolicyInformation { policyIdentifier }` per OID, no qualifiers. */
export function certificatePoliciesExtension(policyOids: readonly string[]): Uint8Array {
  return extension(OID.certificatePolicies, false, derTlv(0x30, ...policyOids.map((oid) => derTlv(0x30, derOid(oid)))));
}

/** Extended key usage (RFC 5280 §4.2.1.12): `SEQUENCE OF KeyPurposeId`, not critical. */
export function extKeyUsageExtension(purposeOids: readonly string[]): Uint8Array {
  return extension(OID.extKeyUsage, false, derTlv(0x30, ...purposeOids.map(derOid)));
}

/** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): its value is NULL; not critical. */
export function ocspNoCheckExtension(): Uint8Array {
  return extension(OID.ocspNoCheck, false, Uint8Array.of(0x05, 0x00));
}

function uri(url: string): Uint8Array {
  if (!/^[\x21-\x7e]+$/.test(url)) throw new RangeError('a URI in a certificate must be printable ASCII');
  return derTlv(0x86, new Uint8Array(Buffer.from(url, 'latin1')));
}

/** The subjectPublicKey BIT STRING value of a SubjectPublicKeyInfo, without its unused-bits octet. */
function spkiKeyBits(spki: Uint8Array): Uint8Array {
  const [algorithm, key] = children(spki, readTlv(spki, 0));
  if (algorithm?.tag !== 0x30 || key?.tag !== 0x03) throw new RangeError('not a SubjectPublicKeyInfo');
  return tlvContent(spki, key).subarray(1);
}
