import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { Page } from '../data/api-types';

/** A message kept in the local outbox instead of being sent (MAIL_TRANSPORT=outbox). */
export interface OutboxMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  purpose: string;
  branchId: string | null;
  createdAt: string;
}

const OUTBOX_FIELDS = gql`
  fragment OutboxFields on MailOutboxMessage {
    id
    recipient
    subject
    body
    purpose
    branchId
    createdAt
  }
`;

export const MAIL_OUTBOX: TypedDocumentNode<{ mailOutbox: Page<OutboxMessage> }, { skip: number; take: number }> = gql`
  query MailOutbox($skip: Int, $take: Int) {
    mailOutbox(skip: $skip, take: $take) {
      items {
        ...OutboxFields
      }
      total
    }
  }
  ${OUTBOX_FIELDS}
`;

export const MAIL_OUTBOX_MESSAGE: TypedDocumentNode<{ mailOutboxMessage: OutboxMessage }, { id: string }> = gql`
  query MailOutboxMessage($id: ID!) {
    mailOutboxMessage(id: $id) {
      ...OutboxFields
    }
  }
  ${OUTBOX_FIELDS}
`;
