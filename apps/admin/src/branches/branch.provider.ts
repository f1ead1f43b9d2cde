import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { Client } from '../data/apollo-client';
import type { Branch } from '../data/api-types';
import { read, type ResourceProvider } from '../data/resource-provider';

const BRANCHES: TypedDocumentNode<{ branches: Branch[] }, Record<string, never>> = gql`
  query Branches {
    branches {
      id
      code
      name
    }
  }
`;

/** Branches are few and come as one list: paging, sorting and lookups happen here. */
export function branchProvider(client: Client): ResourceProvider<Branch> {
  const all = async (): Promise<Branch[]> => (await read(client, BRANCHES, {})).branches;
  return {
    async getList({ pagination, sort, filter }) {
      const q = typeof filter?.q === 'string' ? filter.q.trim() : '';
      const field = sort?.field === 'name' ? 'name' : 'code';
      const direction = sort?.order === 'DESC' ? -1 : 1;
      const matching = (await all())
        .filter((b) => !q || b.code.includes(q) || b.name.includes(q))
        .sort((a, b) => a[field].localeCompare(b[field], 'zh-Hant-TW') * direction);
      const { page = 1, perPage = matching.length || 1 } = pagination ?? {};
      return { data: matching.slice((page - 1) * perPage, page * perPage), total: matching.length };
    },
    async getOne({ id }) {
      const branch = (await all()).find((b) => b.id === String(id));
      if (!branch) throw new Error(`Branch ${id} not found`);
      return { data: branch };
    },
    async getMany({ ids }) {
      const wanted = new Set(ids.map(String));
      return { data: (await all()).filter((b) => wanted.has(b.id)) };
    },
  };
}
