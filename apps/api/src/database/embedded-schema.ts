import { getMetadataArgsStorage } from 'typeorm';

let adapted = false;

/**
 * The entities are written for MariaDB. The embedded sql.js database of the demo builds its schema
 * from them, and SQLite knows no `ascii_bin` collation nor CURRENT_TIMESTAMP(3) nor MEDIUMBLOB, and autoincrements
 * only INTEGER keys: drop
 * those MariaDB details, once, in the demo process only. Migrations and tests never come here.
 */
export function adaptEntitiesForSqlite(entities: readonly Function[]): void {
  if (adapted) return;
  adapted = true;
  for (const column of getMetadataArgsStorage().columns) {
    if (!entities.includes(column.target as Function)) continue;
    const options = column.options as {
      charset?: string;
      collation?: string;
      type?: unknown;
      default?: unknown;
      onUpdate?: string;
    };
    delete options.charset;
    delete options.collation;
    if (column.mode === 'createDate' || column.mode === 'updateDate') {
      delete options.default;
      delete options.onUpdate;
    }
    if (column.mode === 'regular' && options.type === 'bigint') options.type = 'integer';
    if (options.type === 'mediumblob') options.type = 'blob';
  }
  for (const generated of getMetadataArgsStorage().generations) {
    if (!entities.includes(generated.target as Function) || generated.strategy !== 'increment') continue;
    const column = getMetadataArgsStorage().columns.find(
      (c) => c.target === generated.target && c.propertyName === generated.propertyName,
    );
    if (column) (column.options as { type?: unknown }).type = 'integer';
  }
}
