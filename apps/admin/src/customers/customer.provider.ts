import { normalizeIdNumber } from '@app/domain';
import type { Client } from '../data/apollo-client';
import type { Customer } from '../data/api-types';
import {
  blankToNull,
  MAX_TAKE,
  pageArgs,
  pickFilter,
  read,
  write,
  type ResourceProvider,
} from '../data/resource-provider';
import { CREATE_CUSTOMER, CUSTOMER, CUSTOMERS, UPDATE_CUSTOMER, type CustomerFilter } from './customer.queries';

const SORTABLE = ['idNumber', 'name', 'createdAt', 'updatedAt'] as const;
const FILTERS = ['q', 'idNumber', 'homeBranchId', 'kind'] as const;

/** Customers: list, read, register and amend (the ID number never changes once registered). */
export function customerProvider(client: Client): ResourceProvider<Customer> {
  return {
    async getList(params) {
      const filter = pickFilter(params.filter, FILTERS) as CustomerFilter;
      const { customers } = await read(client, CUSTOMERS, pageArgs(params, SORTABLE, filter));
      return { data: customers.items, total: customers.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, CUSTOMER, { id: String(id) })).customer };
    },
    async getMany({ ids }) {
      const filter: CustomerFilter = { ids: ids.slice(0, MAX_TAKE).map(String) };
      const { customers } = await read(client, CUSTOMERS, { skip: 0, take: MAX_TAKE, filter });
      return { data: customers.items };
    },
    async create({ data }) {
      const input = {
        idNumber: normalizeIdNumber(String(data.idNumber ?? '')),
        name: String(data.name ?? '').trim(),
        email: blankToNull(data.email),
        phone: blankToNull(data.phone),
        homeBranchId: blankToNull(data.homeBranchId),
      };
      return { data: (await write(client, CREATE_CUSTOMER, { input })).createCustomer };
    },
    async update({ id, data, previousData }) {
      const input = {
        name: String(data.name ?? '').trim(),
        email: blankToNull(data.email),
        phone: blankToNull(data.phone),
        // Optimistic locking: the version the teller saw, so a concurrent change fails with STALE_UPDATE.
        version: Number(previousData?.version ?? data.version),
      };
      return { data: (await write(client, UPDATE_CUSTOMER, { id: String(id), input })).updateCustomer };
    },
  };
}
