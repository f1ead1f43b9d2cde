import type {
  ApprovalStatus,
  CertificateStatus,
  CertificateUsage,
  IdentityDocument,
  RevocationReason,
  StorageMedium,
  TokenStatus,
  TokenType,
} from '@app/contracts';
import type { Branch } from '../data/api-types';

/** A certificate as the counter lists it. */
export interface CertificateRow {
  id: string;
  serialHex: string;
  commonName: string;
  usage: CertificateUsage;
  medium: StorageMedium;
  status: CertificateStatus;
  revocationReason: RevocationReason | null;
  notBefore: string | null;
  notAfter: string | null;
  statusChangedAt: string;
  customerId: string;
  tokenId: string | null;
  branchId: string;
  version: number;
  customer: { id: string; idNumber: string; name: string };
}

/** One line of a certificate's history (its audit events). */
export interface CertificateEvent {
  id: string;
  occurredAt: string;
  action: string;
  actorType: string;
  actor: string | null;
  actorName: string | null;
  actorRole: string | null;
  branchCode: string | null;
  channel: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  documentType: IdentityDocument | null;
}

/** Everything the show page needs. */
export interface CertificateDetail extends CertificateRow {
  subjectDn: string;
  issuerDn: string | null;
  fingerprintSha256: string | null;
  branch: Branch;
  token: { id: string; type: TokenType; serial: string; status: TokenStatus } | null;
  pendingUnsuspend: { id: string; status: ApprovalStatus; requestedAt: string } | null;
  history: CertificateEvent[];
}

export type CertificateFilter = {
  idNumber?: string;
  commonName?: string;
  serialHex?: string;
  status?: CertificateStatus;
  notAfterFrom?: string;
  notAfterTo?: string;
  branchId?: string;
  customerId?: string;
  tokenId?: string;
  statusChangedBefore?: string;
  ids?: string[];
};

export type RequestUnsuspendInput = {
  certificateId: string;
  documentType: IdentityDocument;
  seenInPerson: boolean;
  note: string | null;
};
