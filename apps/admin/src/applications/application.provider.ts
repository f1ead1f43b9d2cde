import type { StorageMedium } from '@app/contracts';
import type { Client } from '../data/apollo-client';
import { MAX_TAKE, pageArgs, pickFilter, read, write, type ResourceProvider } from '../data/resource-provider';
import {
  APPLICATION,
  APPLICATIONS,
  CANCEL_APPLICATION,
  REGISTER_APPLICATION,
  type Application,
  type ApplicationFilter,
} from './application.queries';

const SORTABLE = ['commonName', 'status', 'medium', 'createdAt', 'statusChangedAt'] as const;
const FILTERS = ['customerId', 'status', 'medium', 'branchId', 'q'] as const;

/**
 * Counter applications: list, read, register. `update` carries the one change the console makes
 * through a form, cancelling (`{ status: 'CANCELLED' }`); printing goes through the PDF endpoint.
 */
/** The list's filter values as the API takes them (also the CSV export's filter). */
export function applicationListFilter(raw: Record<string, unknown> | undefined): ApplicationFilter {
  return pickFilter(raw, FILTERS) as ApplicationFilter;
}

export function applicationProvider(client: Client): ResourceProvider<Application> {
  return {
    async getList(params) {
      const filter = applicationListFilter(params.filter);
      const { applications } = await read(client, APPLICATIONS, pageArgs(params, SORTABLE, filter));
      return { data: applications.items, total: applications.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, APPLICATION, { id: String(id) })).application };
    },
    async getMany({ ids }) {
      const filter: ApplicationFilter = { ids: ids.slice(0, MAX_TAKE).map(String) };
      const { applications } = await read(client, APPLICATIONS, { skip: 0, take: MAX_TAKE, filter });
      return { data: applications.items };
    },
    async create({ data }) {
      const input = {
        customerId: String(data.customerId ?? ''),
        medium: data.medium as StorageMedium,
        email: String(data.email ?? '').trim(),
      };
      return { data: (await write(client, REGISTER_APPLICATION, { input })).registerApplication };
    },
    async update({ id, data, previousData }) {
      if (data.status !== 'CANCELLED') throw new Error('Only cancelling is offered');
      const version = Number(previousData?.version ?? data.version);
      return { data: (await write(client, CANCEL_APPLICATION, { id: String(id), version })).cancelApplication };
    },
  };
}
