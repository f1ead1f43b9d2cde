import type { Client } from '../data/apollo-client';
import { MAX_TAKE, pageArgs, pickFilter, read, write, type ResourceProvider } from '../data/resource-provider';
import {
  APPROVAL,
  APPROVALS,
  APPROVE_REQUEST,
  REJECT_REQUEST,
  type ApprovalFilter,
  type ApprovalRecord,
} from './approval.queries';

const FILTERS = ['status', 'certificateId', 'branchId'] as const;

/** What the decision buttons ask for, through react-admin's update with `meta`. */
export type ApprovalDecision = { action: 'approve' } | { action: 'reject'; reason: string };

/** The approvals queue (覆核): unsuspend requests, oldest first; supervisors approve or reject. */
export function approvalProvider(client: Client): ResourceProvider<ApprovalRecord> {
  return {
    async getList(params) {
      const filter = pickFilter(params.filter, FILTERS) as ApprovalFilter;
      // No sortable fields: the API keeps the queue oldest first, as it is worked.
      const { approvals } = await read(client, APPROVALS, pageArgs(params, [], filter));
      return { data: approvals.items, total: approvals.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, APPROVAL, { id: String(id) })).approval };
    },
    async getMany({ ids }) {
      const filter: ApprovalFilter = { ids: ids.slice(0, MAX_TAKE).map(String) };
      const { approvals } = await read(client, APPROVALS, { skip: 0, take: MAX_TAKE, filter });
      return { data: approvals.items };
    },
    async update({ id, meta }) {
      const decision = meta as ApprovalDecision;
      return decision.action === 'approve'
        ? { data: (await write(client, APPROVE_REQUEST, { id: String(id) })).approveRequest }
        : {
            data: (await write(client, REJECT_REQUEST, { id: String(id), reason: decision.reason.trim() }))
              .rejectRequest,
          };
    },
  };
}
