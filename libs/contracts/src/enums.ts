/** Enumerations shared by the API, the admin console and the kiosk agent. */

export const StaffRole = { TELLER: 'TELLER', SUPERVISOR: 'SUPERVISOR', ADMIN: 'ADMIN' } as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const CustomerKind = { INDIVIDUAL: 'INDIVIDUAL', BUSINESS: 'BUSINESS' } as const;
export type CustomerKind = (typeof CustomerKind)[keyof typeof CustomerKind];

/** What kind of identifier a customer was registered with. */
export const IdKind = {
  NATIONAL_ID: 'NATIONAL_ID',
  RESIDENT_ID: 'RESIDENT_ID',
  BUSINESS_NUMBER: 'BUSINESS_NUMBER',
} as const;
export type IdKind = (typeof IdKind)[keyof typeof IdKind];

export const CertificateType = { FXML: 'FXML', FEDI: 'FEDI' } as const;
export type CertificateType = (typeof CertificateType)[keyof typeof CertificateType];

export const StorageMedium = { PC: 'PC', IKEY: 'IKEY', EZSIGN: 'EZSIGN' } as const;
export type StorageMedium = (typeof StorageMedium)[keyof typeof StorageMedium];

export const ApplicationStatus = {
  REGISTERED: 'REGISTERED',
  NOTICE_PRINTED: 'NOTICE_PRINTED',
  APPLIED: 'APPLIED',
  ISSUED: 'ISSUED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
  LOCKED: 'LOCKED',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const CertificateUsage = { SIGNING: 'SIGNING', ENCRYPTION: 'ENCRYPTION' } as const;
export type CertificateUsage = (typeof CertificateUsage)[keyof typeof CertificateUsage];

export const CertificateStatus = {
  PENDING: 'PENDING',
  ISSUED: 'ISSUED',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
} as const;
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

export const TokenType = { IKEY: 'IKEY', EZSIGN: 'EZSIGN' } as const;
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

export const TokenStatus = { ACTIVE: 'ACTIVE', LOCKED: 'LOCKED', LOST: 'LOST', RETIRED: 'RETIRED' } as const;
export type TokenStatus = (typeof TokenStatus)[keyof typeof TokenStatus];

/** How a token's serial reached the counter: typed, read by a barcode scanner, or from the kiosk agent. */
export const SerialSource = { TYPED: 'TYPED', SCANNED: 'SCANNED', AGENT: 'AGENT' } as const;
export type SerialSource = (typeof SerialSource)[keyof typeof SerialSource];

/** The identity document a teller checked before asking to unsuspend a certificate. */
export const IdentityDocument = {
  NATIONAL_ID_CARD: 'NATIONAL_ID_CARD',
  RESIDENT_CERTIFICATE: 'RESIDENT_CERTIFICATE',
  PASSPORT: 'PASSPORT',
  BUSINESS_REGISTRATION: 'BUSINESS_REGISTRATION',
} as const;
export type IdentityDocument = (typeof IdentityDocument)[keyof typeof IdentityDocument];

/** Four-eyes request (覆核): waits for a supervisor of the same branch. */
export const ApprovalStatus = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
} as const;
export type ApprovalStatus = (typeof ApprovalStatus)[keyof typeof ApprovalStatus];

export const ActorType = { STAFF: 'STAFF', CUSTOMER: 'CUSTOMER', SYSTEM: 'SYSTEM' } as const;
export type ActorType = (typeof ActorType)[keyof typeof ActorType];

/** RFC 5280 CRLReason values the RA uses. */
export const RevocationReason = {
  UNSPECIFIED: 'UNSPECIFIED',
  KEY_COMPROMISE: 'KEY_COMPROMISE',
  AFFILIATION_CHANGED: 'AFFILIATION_CHANGED',
  SUPERSEDED: 'SUPERSEDED',
  CESSATION_OF_OPERATION: 'CESSATION_OF_OPERATION',
} as const;
export type RevocationReason = (typeof RevocationReason)[keyof typeof RevocationReason];
