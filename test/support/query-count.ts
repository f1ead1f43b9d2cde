import type { DataSource } from 'typeorm';

/**
 * The SELECTs the app's own DataSource sends while `run` runs, counted where TypeORM hands each
 * query to its logger — unlike the server's status counters, other suites on the same MariaDB
 * server do not disturb it.
 */
export async function countSelects<T>(
  dataSource: DataSource,
  run: () => Promise<T>,
): Promise<{ result: T; selects: number }> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  let selects = 0;
  logger.logQuery = (query, parameters, queryRunner) => {
    if (/^\s*select\b/i.test(query)) selects += 1;
    return original(query, parameters, queryRunner);
  };
  try {
    return { result: await run(), selects };
  } finally {
    logger.logQuery = original;
  }
}
