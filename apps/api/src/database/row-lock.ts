import type { DataSource } from 'typeorm';

/** `SELECT … FOR UPDATE` where the database has row locks; sql.js (the demo) has one writer anyway. */
export function lockFor(dataSource: DataSource): { mode: 'pessimistic_write' } | undefined {
  return dataSource.options.type === 'sqljs' ? undefined : { mode: 'pessimistic_write' };
}
