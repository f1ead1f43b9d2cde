import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { Page, PageArgs } from '../data/api-types';

/** An audited action as the console reads it; before/after arrive as JSON text. */
export interface AuditEventRecord {
  id: string;
  seq: string | null;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  branchCode: string | null;
  kioskId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  requestId: string | null;
  clientIp: string | null;
}

/** The filter of the audit list; the CSV export takes the same names as query parameters. */
export type AuditEventFilter = {
  actor?: string;
  branchCode?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
};

const AUDIT_EVENT_FIELDS = gql`
  fragment AuditEventFields on AuditEvent {
    id
    seq
    occurredAt
    actorType
    actorId
    actorUsername
    actorRole
    branchCode
    kioskId
    action
    targetType
    targetId
    beforeJson
    afterJson
    requestId
    clientIp
  }
`;

export const AUDIT_EVENTS: TypedDocumentNode<{ auditEvents: Page<AuditEventRecord> }, PageArgs<AuditEventFilter>> = gql`
  query AuditEvents($skip: Int, $take: Int, $sortField: String, $sortOrder: SortOrder, $filter: AuditEventFilter) {
    auditEvents(skip: $skip, take: $take, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...AuditEventFields
      }
      total
    }
  }
  ${AUDIT_EVENT_FIELDS}
`;

export const AUDIT_EVENT: TypedDocumentNode<{ auditEvent: AuditEventRecord }, { id: string }> = gql`
  query AuditEvent($id: ID!) {
    auditEvent(id: $id) {
      ...AuditEventFields
    }
  }
  ${AUDIT_EVENT_FIELDS}
`;
