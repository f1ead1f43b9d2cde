import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { ApplicationStatus, CertificateType, StorageMedium } from '@app/contracts';
import type { Branch, Page, PageArgs } from '../data/api-types';

/** A counter application as the console reads it: never a password, only the live notice's facts. */
export interface Application {
  id: string;
  customerId: string;
  customer: { id: string; idNumber: string; name: string };
  certType: CertificateType;
  medium: StorageMedium;
  email: string;
  commonName: string;
  status: ApplicationStatus;
  statusChangedAt: string;
  /** Null for an application the customer converted online from FEDI. */
  tellerUsername: string | null;
  branchId: string;
  branch: Branch;
  notice: ApplicationNotice | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationNotice {
  noticeNumber: string;
  printedAt: string;
  expiresAt: string;
  failedTries: number;
  triesLeft: number;
}

export type ApplicationFilter = {
  customerId?: string;
  status?: ApplicationStatus;
  medium?: StorageMedium;
  branchId?: string;
  q?: string;
  ids?: string[];
};

export type RegisterApplicationInput = {
  customerId: string;
  medium: StorageMedium;
  email: string;
};

const APPLICATION_FIELDS = gql`
  fragment ApplicationFields on CounterApplication {
    id
    customerId
    customer {
      id
      idNumber
      name
    }
    certType
    medium
    email
    commonName
    status
    statusChangedAt
    tellerUsername
    branchId
    branch {
      id
      code
      name
    }
    version
    createdAt
    updatedAt
  }
`;

export const APPLICATIONS: TypedDocumentNode<{ applications: Page<Application> }, PageArgs<ApplicationFilter>> = gql`
  query Applications($skip: Int, $take: Int, $sortField: String, $sortOrder: SortOrder, $filter: ApplicationFilter) {
    applications(skip: $skip, take: $take, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...ApplicationFields
      }
      total
    }
  }
  ${APPLICATION_FIELDS}
`;

export const APPLICATION: TypedDocumentNode<{ application: Application }, { id: string }> = gql`
  query Application($id: ID!) {
    application(id: $id) {
      ...ApplicationFields
      notice {
        noticeNumber
        printedAt
        expiresAt
        failedTries
        triesLeft
      }
    }
  }
  ${APPLICATION_FIELDS}
`;

export const REGISTER_APPLICATION: TypedDocumentNode<
  { registerApplication: Application },
  { input: RegisterApplicationInput }
> = gql`
  mutation RegisterApplication($input: RegisterApplicationInput!) {
    registerApplication(input: $input) {
      ...ApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const CANCEL_APPLICATION: TypedDocumentNode<
  { cancelApplication: Application },
  { id: string; version: number }
> = gql`
  mutation CancelApplication($id: ID!, $version: Int!) {
    cancelApplication(id: $id, version: $version) {
      ...ApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;
