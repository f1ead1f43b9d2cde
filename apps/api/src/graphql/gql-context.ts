import type DataLoader from 'dataloader';
import type { Branch } from '../branch/branch.entity';
import type { AppRequest } from '../common/request-context';

/** Per-request loaders: each batches the lookups of one GraphQL request. */
export interface Loaders {
  readonly branch: DataLoader<string, Branch>;
}

export interface GqlContext {
  readonly req: AppRequest;
  readonly loaders: Loaders;
}
