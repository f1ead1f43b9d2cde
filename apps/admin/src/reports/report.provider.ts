import type { Client } from '../data/apollo-client';
import { read, write, type ResourceProvider } from '../data/resource-provider';
import {
  BULK_REMIND,
  DASHBOARD,
  RECONCILIATION,
  type BulkResult,
  type DashboardFigures,
  type ReconciliationReport,
} from './report.queries';

/** The dashboard as one react-admin record; its id names the scope so that each scope caches apart. */
export type DashboardRecord = DashboardFigures & { id: string };
export type ReconciliationRecord = ReconciliationReport & { id: string };
export type BulkReminderRecord = BulkResult & { id: string };

/** No branch named: the caller's own branch, or the whole bank for an admin. */
export const DEFAULT_SCOPE = 'default';

const notAList = (resource: string) => () => Promise.reject(new Error(`${resource} is a report, not a list`));

/** `getOne('dashboard', { id: branchId | DEFAULT_SCOPE })`: figures read now, never from a cache. */
export function dashboardProvider(client: Client): ResourceProvider<DashboardRecord> {
  return {
    getList: notAList('dashboard'),
    getMany: notAList('dashboard'),
    async getOne({ id }) {
      const branchId = id === DEFAULT_SCOPE ? undefined : String(id);
      const { dashboard } = await read(client, DASHBOARD, { branchId });
      return { data: { ...dashboard, id: String(id) } };
    },
  };
}

/** `getOne('reconciliation', { id: 'YYYY-MM-DD', meta: { branchId } })`. */
export function reconciliationProvider(client: Client): ResourceProvider<ReconciliationRecord> {
  return {
    getList: notAList('reconciliation'),
    getMany: notAList('reconciliation'),
    async getOne({ id, meta }) {
      const branchId = (meta as { branchId?: string } | undefined)?.branchId || undefined;
      const { reconciliation } = await read(client, RECONCILIATION, { date: String(id), branchId });
      return { data: { ...reconciliation, id: `${reconciliation.date}:${branchId ?? DEFAULT_SCOPE}` } };
    },
  };
}

/** `create('bulk-reminders', { data: { certificateIds } })`: one result for the whole selection. */
export function bulkReminderProvider(client: Client): ResourceProvider<BulkReminderRecord> {
  return {
    getList: notAList('bulk-reminders'),
    getMany: notAList('bulk-reminders'),
    getOne: notAList('bulk-reminders'),
    async create({ data }) {
      const certificateIds = (data as { certificateIds: string[] }).certificateIds;
      const { bulkRemind } = await write(client, BULK_REMIND, { certificateIds });
      return { data: { ...bulkRemind, id: crypto.randomUUID() } };
    },
  };
}
