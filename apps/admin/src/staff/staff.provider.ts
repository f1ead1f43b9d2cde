import type { StaffRole } from '@app/contracts';
import type { Client } from '../data/apollo-client';
import type { StaffUser } from '../data/api-types';
import { MAX_TAKE, pageArgs, pickFilter, read, write, type ResourceProvider } from '../data/resource-provider';
import {
  CREATE_STAFF_USER,
  STAFF_USER,
  STAFF_USERS,
  UPDATE_STAFF_USER,
  type StaffUserFilter,
  type UpdateStaffUserInput,
} from './staff.queries';

const SORTABLE = ['username', 'displayName', 'role', 'createdAt'] as const;
const FILTERS = ['q', 'role', 'branchId'] as const;

/** Staff accounts, for administrators. Passwords travel only in create and update, never back. */
export function staffProvider(client: Client): ResourceProvider<StaffUser> {
  return {
    async getList(params) {
      const filter = pickFilter(params.filter, FILTERS) as StaffUserFilter;
      const { staffUsers } = await read(client, STAFF_USERS, pageArgs(params, SORTABLE, filter));
      return { data: staffUsers.items, total: staffUsers.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, STAFF_USER, { id: String(id) })).staffUser };
    },
    async getMany({ ids }) {
      const filter: StaffUserFilter = { ids: ids.slice(0, MAX_TAKE).map(String) };
      const { staffUsers } = await read(client, STAFF_USERS, { skip: 0, take: MAX_TAKE, filter });
      return { data: staffUsers.items };
    },
    async create({ data }) {
      const input = {
        username: String(data.username ?? '').trim(),
        displayName: String(data.displayName ?? '').trim(),
        role: data.role as StaffRole,
        branchId: String(data.branchId ?? ''),
        password: String(data.password ?? ''),
      };
      return { data: (await write(client, CREATE_STAFF_USER, { input })).createStaffUser };
    },
    async update({ id, data }) {
      const input: UpdateStaffUserInput = {
        displayName: String(data.displayName ?? '').trim(),
        role: data.role as StaffRole,
        branchId: String(data.branchId ?? ''),
        active: Boolean(data.active),
      };
      // An empty password field means "keep the current one".
      if (typeof data.password === 'string' && data.password !== '') input.password = data.password;
      return { data: (await write(client, UPDATE_STAFF_USER, { id: String(id), input })).updateStaffUser };
    },
  };
}
