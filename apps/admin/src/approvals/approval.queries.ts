import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { ApprovalStatus, CertificateStatus, IdentityDocument } from '@app/contracts';
import type { Page, PageArgs } from '../data/api-types';

interface StaffName {
  id: string;
  username: string;
  displayName: string;
}

/** An unsuspend request as the approvals queue shows it. */
export interface ApprovalRecord {
  id: string;
  status: ApprovalStatus;
  documentType: IdentityDocument;
  seenInPerson: boolean;
  note: string | null;
  requestedAt: string;
  requestedById: string;
  requestedBy: StaffName;
  decidedAt: string | null;
  decidedBy: StaffName | null;
  decisionReason: string | null;
  certificateId: string;
  certificate: {
    id: string;
    commonName: string;
    serialHex: string;
    status: CertificateStatus;
    customer: { idNumber: string; name: string };
  };
  version: number;
}

export type ApprovalFilter = { status?: ApprovalStatus; certificateId?: string; branchId?: string; ids?: string[] };

const APPROVAL_FIELDS = gql`
  fragment ApprovalFields on UnsuspendRequest {
    id
    status
    documentType
    seenInPerson
    note
    requestedAt
    requestedById
    requestedBy {
      id
      username
      displayName
    }
    decidedAt
    decidedBy {
      id
      username
      displayName
    }
    decisionReason
    certificateId
    certificate {
      id
      commonName
      serialHex
      status
      customer {
        idNumber
        name
      }
    }
    version
  }
`;

export const APPROVALS: TypedDocumentNode<{ approvals: Page<ApprovalRecord> }, PageArgs<ApprovalFilter>> = gql`
  query Approvals($skip: Int, $take: Int, $sortOrder: SortOrder, $filter: ApprovalFilter) {
    approvals(skip: $skip, take: $take, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...ApprovalFields
      }
      total
    }
  }
  ${APPROVAL_FIELDS}
`;

export const APPROVAL: TypedDocumentNode<{ approval: ApprovalRecord }, { id: string }> = gql`
  query Approval($id: ID!) {
    approval(id: $id) {
      ...ApprovalFields
    }
  }
  ${APPROVAL_FIELDS}
`;

export const APPROVE_REQUEST: TypedDocumentNode<{ approveRequest: ApprovalRecord }, { id: string }> = gql`
  mutation ApproveRequest($id: ID!) {
    approveRequest(id: $id) {
      ...ApprovalFields
    }
  }
  ${APPROVAL_FIELDS}
`;

export const REJECT_REQUEST: TypedDocumentNode<{ rejectRequest: ApprovalRecord }, { id: string; reason: string }> = gql`
  mutation RejectRequest($id: ID!, $reason: String!) {
    rejectRequest(id: $id, reason: $reason) {
      ...ApprovalFields
    }
  }
  ${APPROVAL_FIELDS}
`;
