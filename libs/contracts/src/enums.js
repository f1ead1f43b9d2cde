"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RevocationReason = exports.ActorType = exports.TokenStatus = exports.TokenType = exports.CertificateStatus = exports.CertificateUsage = exports.ApplicationStatus = exports.StorageMedium = exports.CertificateType = exports.IdKind = exports.CustomerKind = exports.StaffRole = void 0;
exports.StaffRole = { TELLER: 'TELLER', SUPERVISOR: 'SUPERVISOR', ADMIN: 'ADMIN' };
exports.CustomerKind = { INDIVIDUAL: 'INDIVIDUAL', BUSINESS: 'BUSINESS' };
exports.IdKind = {
    NATIONAL_ID: 'NATIONAL_ID',
    RESIDENT_ID: 'RESIDENT_ID',
    BUSINESS_NUMBER: 'BUSINESS_NUMBER',
};
exports.CertificateType = { FXML: 'FXML', FEDI: 'FEDI' };
exports.StorageMedium = { PC: 'PC', IKEY: 'IKEY', EZSIGN: 'EZSIGN' };
exports.ApplicationStatus = {
    REGISTERED: 'REGISTERED',
    NOTICE_PRINTED: 'NOTICE_PRINTED',
    APPLIED: 'APPLIED',
    ISSUED: 'ISSUED',
    COMPLETED: 'COMPLETED',
    CANCELLED: 'CANCELLED',
    EXPIRED: 'EXPIRED',
    LOCKED: 'LOCKED',
};
exports.CertificateUsage = { SIGNING: 'SIGNING', ENCRYPTION: 'ENCRYPTION' };
exports.CertificateStatus = {
    PENDING: 'PENDING',
    ISSUED: 'ISSUED',
    ACTIVE: 'ACTIVE',
    SUSPENDED: 'SUSPENDED',
    REVOKED: 'REVOKED',
    EXPIRED: 'EXPIRED',
};
exports.TokenType = { IKEY: 'IKEY', EZSIGN: 'EZSIGN' };
exports.TokenStatus = { ACTIVE: 'ACTIVE', LOCKED: 'LOCKED', LOST: 'LOST', RETIRED: 'RETIRED' };
exports.ActorType = { STAFF: 'STAFF', CUSTOMER: 'CUSTOMER', SYSTEM: 'SYSTEM' };
exports.RevocationReason = {
    UNSPECIFIED: 'UNSPECIFIED',
    KEY_COMPROMISE: 'KEY_COMPROMISE',
    AFFILIATION_CHANGED: 'AFFILIATION_CHANGED',
    SUPERSEDED: 'SUPERSEDED',
    CESSATION_OF_OPERATION: 'CESSATION_OF_OPERATION',
};
//# sourceMappingURL=enums.js.map