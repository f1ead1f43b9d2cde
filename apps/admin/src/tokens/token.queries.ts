import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { SerialSource, TokenStatus, TokenType } from '@app/contracts';
import type { Branch, Page, PageArgs } from '../data/api-types';

export interface TokenRecord {
  id: string;
  type: TokenType;
  serial: string;
  status: TokenStatus;
  statusChangedAt: string;
  ownerCustomerId: string | null;
  owner: { id: string; idNumber: string; name: string } | null;
  branchId: string;
  branch: Branch;
  version: number;
  createdAt: string;
}

export type TokenFilter = {
  customerId?: string;
  serial?: string;
  type?: TokenType;
  status?: TokenStatus;
  branchId?: string;
  ids?: string[];
};

export type RegisterTokenInput = { customerId: string; type: TokenType; serial: string; serialSource: SerialSource };

const TOKEN_FIELDS = gql`
  fragment TokenFields on Token {
    id
    type
    serial
    status
    statusChangedAt
    ownerCustomerId
    owner {
      id
      idNumber
      name
    }
    branchId
    branch {
      id
      code
      name
    }
    version
    createdAt
  }
`;

export const TOKENS: TypedDocumentNode<{ tokens: Page<TokenRecord> }, PageArgs<TokenFilter>> = gql`
  query Tokens($skip: Int, $take: Int, $sortField: String, $sortOrder: SortOrder, $filter: TokenFilter) {
    tokens(skip: $skip, take: $take, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...TokenFields
      }
      total
    }
  }
  ${TOKEN_FIELDS}
`;

export const TOKEN: TypedDocumentNode<{ token: TokenRecord }, { id: string }> = gql`
  query Token($id: ID!) {
    token(id: $id) {
      ...TokenFields
    }
  }
  ${TOKEN_FIELDS}
`;

export const REGISTER_TOKEN: TypedDocumentNode<{ registerToken: TokenRecord }, { input: RegisterTokenInput }> = gql`
  mutation RegisterToken($input: RegisterTokenInput!) {
    registerToken(input: $input) {
      ...TokenFields
    }
  }
  ${TOKEN_FIELDS}
`;

export const REPORT_TOKEN_LOST: TypedDocumentNode<{ reportTokenLost: TokenRecord }, { id: string; version: number }> =
  gql`
    mutation ReportTokenLost($id: ID!, $version: Int!) {
      reportTokenLost(id: $id, version: $version) {
        ...TokenFields
      }
    }
    ${TOKEN_FIELDS}
  `;

export const RETIRE_TOKEN: TypedDocumentNode<{ retireToken: TokenRecord }, { id: string; version: number }> = gql`
  mutation RetireToken($id: ID!, $version: Int!) {
    retireToken(id: $id, version: $version) {
      ...TokenFields
    }
  }
  ${TOKEN_FIELDS}
`;
