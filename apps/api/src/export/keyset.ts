import type { SelectQueryBuilder } from 'typeorm';

/**
 * Reads a query in pages of `batchSize` ordered by (createdAt, id) and continues after the last row
 * seen, so that memory stays flat and rows inserted meanwhile neither repeat nor shift the pages.
 */
export async function* keysetRows<R extends { createdAt: Date; id: string }>(
  build: () => SelectQueryBuilder<object>,
  alias: string,
  batchSize = 500,
): AsyncGenerator<R> {
  let last: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const qb = build();
    if (last) {
      qb.andWhere(`(${alias}.createdAt > :lastAt OR (${alias}.createdAt = :lastAt AND ${alias}.id > :lastId))`, {
        lastAt: last.createdAt,
        lastId: last.id,
      });
    }
    const batch = await qb
      .orderBy(`${alias}.createdAt`, 'ASC')
      .addOrderBy(`${alias}.id`, 'ASC')
      .limit(batchSize)
      .getRawMany<R>();
    yield* batch;
    if (batch.length < batchSize) return;
    last = batch[batch.length - 1];
  }
}
