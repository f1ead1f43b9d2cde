import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { StaffRole } from '@app/contracts';
import type { Page, PageArgs, StaffUser } from '../data/api-types';

export type StaffUserFilter = {
  q?: string;
  role?: StaffRole;
  branchId?: string;
  ids?: string[];
};

export type CreateStaffUserInput = {
  username: string;
  displayName: string;
  role: StaffRole;
  branchId: string;
  password: string;
};

export type UpdateStaffUserInput = {
  displayName?: string;
  role?: StaffRole;
  branchId?: string;
  active?: boolean;
  password?: string;
};

/** Every field the console shows of a staff account; also what sign-in returns. */
export const STAFF_FIELDS = gql`
  fragment StaffUserFields on StaffUser {
    id
    username
    displayName
    role
    branchId
    branch {
      id
      code
      name
    }
    active
    lockedUntil
    createdAt
    updatedAt
  }
`;

export const STAFF_USERS: TypedDocumentNode<{ staffUsers: Page<StaffUser> }, PageArgs<StaffUserFilter>> = gql`
  query StaffUsers($skip: Int, $take: Int, $sortField: String, $sortOrder: SortOrder, $filter: StaffUserFilter) {
    staffUsers(skip: $skip, take: $take, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...StaffUserFields
      }
      total
    }
  }
  ${STAFF_FIELDS}
`;

export const STAFF_USER: TypedDocumentNode<{ staffUser: StaffUser }, { id: string }> = gql`
  query StaffUser($id: ID!) {
    staffUser(id: $id) {
      ...StaffUserFields
    }
  }
  ${STAFF_FIELDS}
`;

export const CREATE_STAFF_USER: TypedDocumentNode<{ createStaffUser: StaffUser }, { input: CreateStaffUserInput }> =
  gql`
    mutation CreateStaffUser($input: CreateStaffUserInput!) {
      createStaffUser(input: $input) {
        ...StaffUserFields
      }
    }
    ${STAFF_FIELDS}
  `;

export const UPDATE_STAFF_USER: TypedDocumentNode<
  { updateStaffUser: StaffUser },
  { id: string; input: UpdateStaffUserInput }
> = gql`
  mutation UpdateStaffUser($id: ID!, $input: UpdateStaffUserInput!) {
    updateStaffUser(id: $id, input: $input) {
      ...StaffUserFields
    }
  }
  ${STAFF_FIELDS}
`;
