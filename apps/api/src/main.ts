import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { loadEnv } from './config/env';
import { seedDemo } from './seed/demo-seeder';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp();
  if (env.SEED_DEMO === 'true') {
    const counts = await seedDemo(app.get(DataSource));
    new Logger('Seed').log(`demo data: ${JSON.stringify(counts)} new rows`);
  }
  await app.listen(env.PORT, env.HOST);
  new Logger('Bootstrap').log(
    `branch-ra API listening on http://${env.HOST}:${env.PORT}/ (database: ${app.get(DataSource).options.type})`,
  );
}

main().catch((error: unknown) => {
  // Configuration errors name the variables, never their values.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
