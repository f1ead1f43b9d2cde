import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Writes the code-first GraphQL schema to the file named on the command line (default: the
 * committed `schema.graphql`), booting the API on an in-memory database: no server needed.
 */
async function main(): Promise<void> {
  process.env.SCHEMA_FILE = resolve(process.argv[2] ?? 'schema.graphql');
  process.env.DATABASE_URL = 'sqljs::memory:';
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.NODE_ENV = 'development';
  // The schema depends on the code only: no CA (a local demo CA would want its passphrase), no jobs.
  process.env.CA_DIR = join(tmpdir(), `branch-ra-schema-${process.pid}-no-ca`);
  Object.assign(process.env, { ISSUANCE_POLL_MS: '0', EXPIRY_SWEEP_MS: '0', REMINDER_INTERVAL_MS: '0' });
  const { AppModule } = await import('../app.module');
  const app = await NestFactory.create(AppModule, { logger: ['error'] });
  await app.init();
  await app.close();
  console.log(`schema written to ${process.env.SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
