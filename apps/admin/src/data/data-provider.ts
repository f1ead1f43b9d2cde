import type { DataProvider } from 'react-admin';
import { toApiError } from './api-error';
import type { ResourceProvider } from './resource-provider';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Params<M extends keyof DataProvider> = Parameters<DataProvider[M]>[1];

const unsupported = (what: string): Promise<never> => Promise.reject(new Error(`${what} is not offered by the API`));

/**
 * react-admin's data provider over one ResourceProvider per resource. Every failure leaves as an
 * HttpError with a translated message (see api-error.ts). The API has no delete and no bulk update.
 */
export function createDataProvider(
  resources: Readonly<Record<string, ResourceProvider>>,
  translate: Translate,
): DataProvider {
  const providerOf = (resource: string): ResourceProvider => {
    const provider = resources[resource];
    if (!provider) throw new Error(`Unknown resource: ${resource}`);
    return provider;
  };
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toApiError(error, translate);
    }
  };
  const provider = {
    getList: (resource: string, params: Params<'getList'>) => guard(() => providerOf(resource).getList(params)),
    getOne: (resource: string, params: Params<'getOne'>) => guard(() => providerOf(resource).getOne(params)),
    getMany: (resource: string, params: Params<'getMany'>) => guard(() => providerOf(resource).getMany(params)),
    getManyReference: (resource: string, { target, id, ...params }: Params<'getManyReference'>) =>
      guard(() => providerOf(resource).getList({ ...params, filter: { ...params.filter, [target]: id } })),
    create: (resource: string, params: Params<'create'>) => {
      const { create } = providerOf(resource);
      return create ? guard(() => create(params)) : unsupported(`create ${resource}`);
    },
    update: (resource: string, params: Params<'update'>) => {
      const { update } = providerOf(resource);
      return update ? guard(() => update(params)) : unsupported(`update ${resource}`);
    },
    updateMany: () => unsupported('updateMany'),
    delete: () => unsupported('delete'),
    deleteMany: () => unsupported('deleteMany'),
  };
  // Each resource returns its own record type; react-admin's interface is generic over all of them.
  return provider as DataProvider;
}
