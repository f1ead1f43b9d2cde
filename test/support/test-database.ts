import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/api/database/data-source-options';
import { seedDemo } from '@app/api/seed/demo-seeder';

/**
 * Creates an empty database for one suite, runs every migration (never `synchronize`), seeds the
 * demo data, and points DATABASE_URL at it. Returns the URL.
 */
export async function prepareDatabase(suite: string): Promise<string> {
  const server = process.env.TEST_DATABASE_URL!.replace(/\/+$/, '');
  // The checkout's path is in the name, so that two clones can run their suites side by side.
  const name = `branch_ra_t_${createHash('sha1').update(`${process.cwd()}:${suite}`).digest('hex').slice(0, 12)}`;
  const admin = new DataSource({ type: 'mariadb', url: server });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.destroy();

  const url = `${server}/${name}`;
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: url }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds);
  await ds.destroy();
  process.env.DATABASE_URL = url;
  return url;
}

/** Drops a database made by {@link prepareDatabase}. */
export async function dropDatabase(url: string): Promise<void> {
  const cut = url.lastIndexOf('/');
  const admin = new DataSource({ type: 'mariadb', url: url.slice(0, cut) });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${url.slice(cut + 1)}\``);
  await admin.destroy();
}
