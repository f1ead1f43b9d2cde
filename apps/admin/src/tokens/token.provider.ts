import type { SerialSource, TokenType } from '@app/contracts';
import type { Client } from '../data/apollo-client';
import { MAX_TAKE, pageArgs, pickFilter, read, write, type ResourceProvider } from '../data/resource-provider';
import {
  REGISTER_TOKEN,
  REPORT_TOKEN_LOST,
  RETIRE_TOKEN,
  TOKEN,
  TOKENS,
  type TokenFilter,
  type TokenRecord,
} from './token.queries';

const SORTABLE = ['serial', 'status', 'createdAt', 'statusChangedAt'] as const;
const FILTERS = ['customerId', 'serial', 'type', 'status', 'branchId'] as const;

/** What the row buttons ask for, through react-admin's update with `meta`. */
export type TokenAction = { action: 'lost' } | { action: 'retire' };

/** Tokens handed out at the counter: list, register, and write off as lost or retired. */
export function tokenProvider(client: Client): ResourceProvider<TokenRecord> {
  return {
    async getList(params) {
      const filter = pickFilter(params.filter, FILTERS) as TokenFilter;
      const { tokens } = await read(client, TOKENS, pageArgs(params, SORTABLE, filter));
      return { data: tokens.items, total: tokens.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, TOKEN, { id: String(id) })).token };
    },
    async getMany({ ids }) {
      const filter: TokenFilter = { ids: ids.slice(0, MAX_TAKE).map(String) };
      const { tokens } = await read(client, TOKENS, { skip: 0, take: MAX_TAKE, filter });
      return { data: tokens.items };
    },
    async create({ data }) {
      const input = {
        customerId: String(data.customerId ?? ''),
        type: data.type as TokenType,
        serial: String(data.serial ?? '').trim(),
        serialSource: (data.serialSource ?? 'TYPED') as SerialSource,
      };
      return { data: (await write(client, REGISTER_TOKEN, { input })).registerToken };
    },
    async update({ id, previousData, meta }) {
      const variables = { id: String(id), version: Number(previousData.version) };
      const { action } = meta as TokenAction;
      return action === 'lost'
        ? { data: (await write(client, REPORT_TOKEN_LOST, variables)).reportTokenLost }
        : { data: (await write(client, RETIRE_TOKEN, variables)).retireToken };
    },
  };
}
