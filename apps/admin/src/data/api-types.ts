import type { CustomerKind, IdKind, StaffRole } from '@app/contracts';

/** The API's records as the console reads them (DateTime arrives as an ISO-8601 string). */
export interface Branch {
  id: string;
  code: string;
  name: string;
}

export interface Customer {
  id: string;
  kind: CustomerKind;
  idKind: IdKind;
  idNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  homeBranchId: string;
  homeBranch: Branch;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  branchId: string;
  branch: Branch;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type SortOrder = 'ASC' | 'DESC';

/** The arguments every paged list query of the API takes. */
export type PageArgs<Filter> = {
  skip: number;
  take: number;
  sortField?: string;
  sortOrder?: SortOrder;
  filter?: Filter;
};
