import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { CertificateStatus } from '@app/contracts';
import type { Branch } from '../data/api-types';

/** One branch's figures, or the bank's when `branch` is null. */
export interface BranchFigures {
  branch: Branch | null;
  certificatesByStatus: Array<{ status: CertificateStatus; count: number }>;
  expiring30: number;
  expiring60: number;
  suspendedOver: number;
  applicationsNoticePrinted: number;
  applicationsLocked: number;
  applicationsExpired: number;
  tokensLocked: number;
  tokensLost: number;
  pendingApprovals: number;
  oldestPendingAt: string | null;
}

export interface DashboardFigures extends BranchFigures {
  queriedAt: string;
  expiringFrom: string;
  expiring30Until: string;
  expiring60Until: string;
  suspendedDays: number;
  suspendedBefore: string;
  perBranch: BranchFigures[];
}

export interface ReconciliationRow {
  branch: Branch;
  noticesPrinted: number;
  noticesReprinted: number;
  applicationsRegistered: number;
  applicationsCompleted: number;
  proofSheetsPrinted: number;
}

export interface ReconciliationReport {
  date: string;
  from: string;
  to: string;
  branches: ReconciliationRow[];
}

export interface BulkResult {
  done: string[];
  refused: Array<{ id: string; code: string; message: string }>;
}

/** Dashboard extends BranchFigures in the API's classes, not as a GraphQL interface: no shared fragment. */
const FIGURES = `
  branch {
    id
    code
    name
  }
  certificatesByStatus {
    status
    count
  }
  expiring30
  expiring60
  suspendedOver
  applicationsNoticePrinted
  applicationsLocked
  applicationsExpired
  tokensLocked
  tokensLost
  pendingApprovals
  oldestPendingAt
`;

export const DASHBOARD: TypedDocumentNode<{ dashboard: DashboardFigures }, { branchId?: string }> = gql`
  query Dashboard($branchId: ID) {
    dashboard(branchId: $branchId) {
      ${FIGURES}
      queriedAt
      expiringFrom
      expiring30Until
      expiring60Until
      suspendedDays
      suspendedBefore
      perBranch {
        ${FIGURES}
      }
    }
  }
`;

export const RECONCILIATION: TypedDocumentNode<
  { reconciliation: ReconciliationReport },
  { date: string; branchId?: string }
> = gql`
  query Reconciliation($date: String!, $branchId: ID) {
    reconciliation(date: $date, branchId: $branchId) {
      date
      from
      to
      branches {
        branch {
          id
          code
          name
        }
        noticesPrinted
        noticesReprinted
        applicationsRegistered
        applicationsCompleted
        proofSheetsPrinted
      }
    }
  }
`;

export const BULK_REMIND: TypedDocumentNode<{ bulkRemind: BulkResult }, { certificateIds: string[] }> = gql`
  mutation BulkRemind($certificateIds: [ID!]!) {
    bulkRemind(certificateIds: $certificateIds) {
      done
      refused {
        id
        code
        message
      }
    }
  }
`;
