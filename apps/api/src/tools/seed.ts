import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from '../database/data-source-options';
import { seedDemo } from '../seed/demo-seeder';

/** `npm run seed`: the demo branches, staff and customers into DATABASE_URL (after its migrations). */
async function main(): Promise<void> {
  const env = loadEnv({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const dataSource = new DataSource(dataSourceOptions(env));
  await dataSource.initialize();
  try {
    console.log('new rows:', await seedDemo(dataSource));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
