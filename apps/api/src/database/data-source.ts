import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The data source of the TypeORM CLI (migration:generate / run / revert). It needs only
 * DATABASE_URL, a MariaDB/MySQL one: `DATABASE_URL=mariadb://… npm run migration:run`.
 */
const url = process.env.DATABASE_URL ?? '';
if (!/^(mariadb|mysql):\/\//.test(url)) {
  throw new Error('Set DATABASE_URL to a mariadb:// or mysql:// URL to run migrations.');
}
export default new DataSource(dataSourceOptions({ DATABASE_URL: url }));
