import type { TypedDocumentNode } from '@apollo/client/core';
import type {
  CreateParams,
  CreateResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  RaRecord,
  UpdateParams,
  UpdateResult,
} from 'react-admin';
import type { Client } from './apollo-client';
import type { PageArgs, SortOrder } from './api-types';

/** What one API resource offers the console; getManyReference is getList with one more filter. */
export interface ResourceProvider<R extends RaRecord = RaRecord> {
  getList(params: GetListParams): Promise<GetListResult<R>>;
  getOne(params: GetOneParams): Promise<GetOneResult<R>>;
  getMany(params: GetManyParams): Promise<GetManyResult<R>>;
  create?(params: CreateParams): Promise<CreateResult<R>>;
  update?(params: UpdateParams): Promise<UpdateResult<R>>;
}

/** The API refuses pages larger than this. */
export const MAX_TAKE = 200;

/** react-admin's page and sort → the API's skip/take/sortField; unknown sort fields are left to the API's default. */
export function pageArgs<F>(params: GetListParams, sortable: readonly string[], filter: F): PageArgs<F> {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const take = Math.min(Math.max(perPage, 1), MAX_TAKE);
  const sort = params.sort && sortable.includes(params.sort.field) ? params.sort : undefined;
  return {
    skip: (Math.max(page, 1) - 1) * take,
    take,
    sortField: sort?.field,
    sortOrder: sort ? (sort.order.toUpperCase() as SortOrder) : undefined,
    filter,
  };
}

/** Only the filter keys the API knows, trimmed, without the empty ones a cleared input leaves behind. */
export function pickFilter<K extends string>(
  filter: Record<string, unknown> | undefined,
  keys: readonly K[],
): Partial<Record<K, unknown>> {
  const picked: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    const value = typeof filter?.[key] === 'string' ? (filter[key] as string).trim() : filter?.[key];
    if (value !== undefined && value !== null && value !== '') picked[key] = value;
  }
  return picked;
}

/** An optional text input: empty means "none". */
export const blankToNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A read that always goes to the server. */
export async function read<D, V extends Record<string, unknown>>(
  client: Client,
  query: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  const { data } = await client.query({ query, variables, fetchPolicy: 'network-only' });
  return data;
}

export async function write<D, V extends Record<string, unknown>>(
  client: Client,
  mutation: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  const { data } = await client.mutate({ mutation, variables });
  if (!data) throw new Error('Empty mutation result');
  return data;
}
