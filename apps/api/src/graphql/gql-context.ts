import type { AppRequest } from '../common/request-context';
import type { EntityLoaders } from './entity-loaders';

export interface GqlContext {
  readonly req: AppRequest;
  /** Per-request loaders: each batches the lookups of one GraphQL request. */
  readonly loaders: EntityLoaders;
}
