import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { RevocationReason } from '@app/contracts';
import type { Page, PageArgs } from '../data/api-types';
import type { CertificateDetail, CertificateFilter, CertificateRow, RequestUnsuspendInput } from './certificate.types';

const ROW_FIELDS = gql`
  fragment CertificateRowFields on Certificate {
    id
    serialHex
    commonName
    usage
    medium
    status
    revocationReason
    notBefore
    notAfter
    statusChangedAt
    customerId
    tokenId
    branchId
    version
    customer {
      id
      idNumber
      name
    }
  }
`;

const DETAIL_FIELDS = gql`
  fragment CertificateDetailFields on Certificate {
    ...CertificateRowFields
    subjectDn
    issuerDn
    fingerprintSha256
    branch {
      id
      code
      name
    }
    token {
      id
      type
      serial
      status
    }
    pendingUnsuspend {
      id
      status
      requestedAt
    }
    history {
      id
      occurredAt
      action
      actorType
      actor
      actorName
      actorRole
      branchCode
      channel
      fromStatus
      toStatus
      reason
      documentType
    }
  }
  ${ROW_FIELDS}
`;

export const CERTIFICATES: TypedDocumentNode<{ certificates: Page<CertificateRow> }, PageArgs<CertificateFilter>> = gql`
  query Certificates($skip: Int, $take: Int, $sortField: String, $sortOrder: SortOrder, $filter: CertificateFilter) {
    certificates(skip: $skip, take: $take, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...CertificateRowFields
      }
      total
    }
  }
  ${ROW_FIELDS}
`;

export const CERTIFICATE: TypedDocumentNode<{ certificate: CertificateDetail }, { id: string }> = gql`
  query Certificate($id: ID!) {
    certificate(id: $id) {
      ...CertificateDetailFields
    }
  }
  ${DETAIL_FIELDS}
`;

export const SUSPEND_CERTIFICATE: TypedDocumentNode<
  { suspendCertificate: CertificateDetail },
  { id: string; version: number }
> = gql`
  mutation SuspendCertificate($id: ID!, $version: Int!) {
    suspendCertificate(id: $id, version: $version) {
      ...CertificateDetailFields
    }
  }
  ${DETAIL_FIELDS}
`;

export const REVOKE_CERTIFICATE: TypedDocumentNode<
  { revokeCertificate: CertificateDetail },
  { id: string; reason: RevocationReason; version: number }
> = gql`
  mutation RevokeCertificate($id: ID!, $reason: RevocationReason!, $version: Int!) {
    revokeCertificate(id: $id, reason: $reason, version: $version) {
      ...CertificateDetailFields
    }
  }
  ${DETAIL_FIELDS}
`;

export const REQUEST_UNSUSPEND: TypedDocumentNode<
  { requestUnsuspend: { id: string; status: string } },
  { input: RequestUnsuspendInput }
> = gql`
  mutation RequestUnsuspend($input: RequestUnsuspendInput!) {
    requestUnsuspend(input: $input) {
      id
      status
    }
  }
`;
