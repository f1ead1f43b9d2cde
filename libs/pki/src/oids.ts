/** Object identifiers this library writes or reads. */
export const OID = {
  // RFC 4519 / RFC 5280 §4.1.2.4 naming attributes; emailAddress from PKCS #9 (RFC 2985)
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  commonName: '2.5.4.3',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  emailAddress: '1.2.840.113549.1.9.1',
  // RFC 8017 / RFC 5480 key and signature algorithms
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  // RFC 5280 §4.2 certificate extensions, §5.2 CRL extensions, §5.3 CRL entry extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  cRLDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',
  // RFC 6960 OCSP
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  /** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): relying parties need not check the responder's own status. */
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  /** id-kp-OCSPSigning (RFC 5280 §4.2.1.12): the CA delegates OCSP signing to this certificate. */
  kpOcspSigning: '1.3.6.1.5.5.7.3.9',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;
