import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { CustomerKind } from '@app/contracts';
import type { Customer, Page, PageArgs } from '../data/api-types';

export type CustomerFilter = {
  q?: string;
  idNumber?: string;
  homeBranchId?: string;
  kind?: CustomerKind;
  ids?: string[];
};

export type CreateCustomerInput = {
  idNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  homeBranchId: string | null;
};

export type UpdateCustomerInput = {
  name: string;
  email: string | null;
  phone: string | null;
  version: number;
};

const CUSTOMER_FIELDS = gql`
  fragment CustomerFields on Customer {
    id
    kind
    idKind
    idNumber
    name
    email
    phone
    homeBranchId
    homeBranch {
      id
      code
      name
    }
    version
    createdAt
    updatedAt
  }
`;

export const CUSTOMERS: TypedDocumentNode<{ customers: Page<Customer> }, PageArgs<CustomerFilter>> = gql`
  query Customers($skip: Int, $take: Int, $sortField: String, $sortOrder: SortOrder, $filter: CustomerFilter) {
    customers(skip: $skip, take: $take, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items {
        ...CustomerFields
      }
      total
    }
  }
  ${CUSTOMER_FIELDS}
`;

export const CUSTOMER: TypedDocumentNode<{ customer: Customer }, { id: string }> = gql`
  query Customer($id: ID!) {
    customer(id: $id) {
      ...CustomerFields
    }
  }
  ${CUSTOMER_FIELDS}
`;

export const CREATE_CUSTOMER: TypedDocumentNode<{ createCustomer: Customer }, { input: CreateCustomerInput }> = gql`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...CustomerFields
    }
  }
  ${CUSTOMER_FIELDS}
`;

export const UPDATE_CUSTOMER: TypedDocumentNode<
  { updateCustomer: Customer },
  { id: string; input: UpdateCustomerInput }
> = gql`
  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      ...CustomerFields
    }
  }
  ${CUSTOMER_FIELDS}
`;
