import { type CertificateUsage } from '@app/contracts';
import {
  authorityInfoAccessExtension,
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  certificatePoliciesExtension,
  crlDistributionPointsExtension,
  extKeyUsageExtension,
  type KeyUsage,
  keyIdentifier,
  keyUsageExtension,
  ocspNoCheckExtension,
  subjectKeyIdentifierExtension,
} from './extensions';
import { OID } from './oids';

/** What the CA's configuration says about the customer certificates it issues. */
export interface EndEntityProfile {
  /** certificatePolicies OIDs (RFC 5280 §4.2.1.4). */
  readonly policyOids: readonly string[];
  /** Where the CRL is published (RFC 5280 §4.2.1.13). */
  readonly crlUrls: readonly string[];
  /** The OCSP responder (RFC 5280 §4.2.2.1). */
  readonly ocspUrls: readonly string[];
  /** Where the issuing CA certificate can be fetched (optional). */
  readonly caIssuersUrls?: readonly string[];
  /** Extended key usage purposes per usage, when the bank's relying parties want them. */
  readonly extendedKeyUsages?: Readonly<Partial<Record<CertificateUsage, readonly string[]>>>;
}

/** The key usages of each certificate of an enrolment pair. */
export const USAGE_KEY_USAGES: Readonly<Record<CertificateUsage, readonly KeyUsage[]>> = {
  SIGNING: ['digitalSignature', 'nonRepudiation'],
  ENCRYPTION: ['keyEncipherment', 'dataEncipherment'],
};

/**
 * Extensions of a customer certificate (RFC 5280 §4.2): basicConstraints CA:false and keyUsage
 * (both critical), SKI, AKI of the issuer, CRL distribution points, AIA (OCSP, caIssuers),
 * certificate policies and, when the profile names them, extended key usages.
 */
export function endEntityExtensions(
  usage: CertificateUsage,
  profile: EndEntityProfile,
  subjectPublicKey: Uint8Array,
  issuerKeyId: Uint8Array,
): Uint8Array[] {
  const eku = profile.extendedKeyUsages?.[usage];
  return [
    basicConstraintsExtension(false),
    keyUsageExtension(USAGE_KEY_USAGES[usage]),
    ...(eku && eku.length > 0 ? [extKeyUsageExtension(eku)] : []),
    subjectKeyIdentifierExtension(keyIdentifier(subjectPublicKey)),
    authorityKeyIdentifierExtension(issuerKeyId),
    ...(profile.crlUrls.length > 0 ? [crlDistributionPointsExtension(profile.crlUrls)] : []),
    ...(profile.ocspUrls.length > 0 || (profile.caIssuersUrls?.length ?? 0) > 0
      ? [authorityInfoAccessExtension({ ocsp: profile.ocspUrls, caIssuers: profile.caIssuersUrls })]
      : []),
    ...(profile.policyOids.length > 0 ? [certificatePoliciesExtension(profile.policyOids)] : []),
  ];
}

/** Options of a CA certificate: a root has no issuer key id and usually no URLs. */
export interface CaProfile {
  /** pathLenConstraint; omit for no limit. */
  readonly pathLen?: number;
  readonly crlUrls?: readonly string[];
  readonly ocspUrls?: readonly string[];
  readonly caIssuersUrls?: readonly string[];
  readonly policyOids?: readonly string[];
}

/**
 * Extensions of a CA certificate (RFC 5280 §4.2.1.9, §4.2.1.3): basicConstraints CA:true with the
 * path length, keyUsage keyCertSign + cRLSign (+ digitalSignature, so it can sign OCSP responses
 * itself), SKI, AKI unless self-signed, and optional CDP/AIA/policies for an intermediate.
 */
export function caExtensions(profile: CaProfile, subjectPublicKey: Uint8Array, issuerKeyId?: Uint8Array): Uint8Array[] {
  const ocsp = profile.ocspUrls ?? [];
  const caIssuers = profile.caIssuersUrls ?? [];
  return [
    basicConstraintsExtension(true, profile.pathLen),
    keyUsageExtension(['digitalSignature', 'keyCertSign', 'cRLSign']),
    subjectKeyIdentifierExtension(keyIdentifier(subjectPublicKey)),
    ...(issuerKeyId ? [authorityKeyIdentifierExtension(issuerKeyId)] : []),
    ...(profile.crlUrls?.length ? [crlDistributionPointsExtension(profile.crlUrls)] : []),
    ...(ocsp.length || caIssuers.length ? [authorityInfoAccessExtension({ ocsp, caIssuers })] : []),
    ...(profile.policyOids?.length ? [certificatePoliciesExtension(profile.policyOids)] : []),
  ];
}

/**
 * Extensions of a delegated OCSP responder certificate (RFC 6960 §4.2.2.2): keyUsage
 * digitalSignature (critical), extendedKeyUsage id-kp-OCSPSigning — without it a relying party
 * must refuse the response — and id-pkix-ocsp-nocheck, because the certificate is short-lived and
 * asking OCSP about the OCSP responder would never end.
 */
export function ocspResponderExtensions(subjectPublicKey: Uint8Array, issuerKeyId: Uint8Array): Uint8Array[] {
  return [
    basicConstraintsExtension(false),
    keyUsageExtension(['digitalSignature']),
    extKeyUsageExtension([OID.kpOcspSigning]),
    ocspNoCheckExtension(),
    subjectKeyIdentifierExtension(keyIdentifier(subjectPublicKey)),
    authorityKeyIdentifierExtension(issuerKeyId),
  ];
}
