import type { Client } from '../data/apollo-client';
import { pageArgs, pickFilter, read, type ResourceProvider } from '../data/resource-provider';
import { AUDIT_EVENT, AUDIT_EVENTS, type AuditEventFilter, type AuditEventRecord } from './audit.queries';

const SORTABLE = ['occurredAt', 'action', 'branchCode'] as const;
export const AUDIT_FILTERS = ['actor', 'branchCode', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

/** The date inputs give local date-times; the API wants instants. */
export function auditFilter(raw: Record<string, unknown> | undefined): AuditEventFilter {
  const picked = pickFilter(raw, AUDIT_FILTERS) as Record<string, string>;
  for (const key of ['from', 'to'] as const) {
    if (picked[key]) picked[key] = new Date(picked[key]).toISOString();
  }
  if (picked.action) picked.action = picked.action.toUpperCase();
  return picked;
}

/** The audit trail, read-only: supervisors get their branch, admins all branches. */
export function auditProvider(client: Client): ResourceProvider<AuditEventRecord> {
  return {
    async getList(params) {
      const { auditEvents } = await read(client, AUDIT_EVENTS, pageArgs(params, SORTABLE, auditFilter(params.filter)));
      return { data: auditEvents.items, total: auditEvents.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, AUDIT_EVENT, { id: String(id) })).auditEvent };
    },
    async getMany({ ids }) {
      const data = await Promise.all(
        ids.map(async (id) => (await read(client, AUDIT_EVENT, { id: String(id) })).auditEvent),
      );
      return { data };
    },
  };
}
