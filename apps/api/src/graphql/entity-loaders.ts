import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';

type Identified = ObjectLiteral & { id: string };

/**
 * Per-request loaders of rows by id, one per entity: every `load(id)` made while GraphQL resolves
 * one level of a result becomes a single `WHERE id IN (…)`, so a page of 200 certificates costs one
 * query for their customers, not 200.
 */
export class EntityLoaders {
  private readonly loaders = new Map<EntityTarget<Identified>, DataLoader<string, Identified>>();
  private readonly keyedLoaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  of<T extends Identified>(entity: EntityTarget<T>): DataLoader<string, T> {
    let loader = this.loaders.get(entity);
    if (!loader) {
      loader = new DataLoader<string, Identified>(async (ids) => {
        const rows = await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map(
          (id) => byId.get(id) ?? new Error(`${this.dataSource.getMetadata(entity).name} ${id} not found`),
        );
      });
      this.loaders.set(entity, loader);
    }
    return loader as DataLoader<string, T>;
  }

  /**
   * A loader for anything else looked up per parent row (e.g. an application's live notice): `batch`
   * answers for all the keys of one level at once, in their order. One per `name` and request.
   */
  keyed<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.keyedLoaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch);
      this.keyedLoaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }

  /** `load(id)`, or null without a query when there is no id. */
  optional<T extends Identified>(entity: EntityTarget<T>, id: string | null | undefined): Promise<T | null> {
    return id ? this.of(entity).load(id) : Promise.resolve(null);
  }
}
