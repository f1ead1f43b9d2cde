import type { DataSourceOptions } from 'typeorm';
import { type Env, isEmbeddedDatabase } from '../config/env';
import { adaptEntitiesForSqlite } from './embedded-schema';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * MariaDB/MySQL runs the migrations (never `synchronize`). The embedded sql.js database of the demo
 * cannot run MariaDB DDL, so it alone builds its schema from the entities.
 */
export function dataSourceOptions(env: Pick<Env, 'DATABASE_URL'>): DataSourceOptions {
  const namingStrategy = new SnakeNamingStrategy();
  if (isEmbeddedDatabase(env as Env)) {
    const location = env.DATABASE_URL.slice('sqljs:'.length);
    const inMemory = location === ':memory:';
    adaptEntitiesForSqlite(ENTITIES);
    return {
      type: 'sqljs',
      entities: ENTITIES,
      namingStrategy,
      synchronize: true,
      autoSave: !inMemory,
      ...(inMemory ? {} : { location }),
    };
  }
  return {
    type: 'mariadb',
    url: env.DATABASE_URL.replace(/^mysql:/, 'mariadb:'),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy,
    synchronize: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
  };
}
