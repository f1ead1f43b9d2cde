import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Every setting the API reads from the environment, validated once at boot. A bad value stops the
 * process with the names of the faulty variables (never their values: some are secrets).
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** `mariadb://user:pass@host:3306/db`, `mysql://…`, or `sqljs:<file>` / `sqljs::memory:` (embedded). */
  @Matches(/^(mariadb|mysql):\/\/.+|^sqljs:.+$/)
  DATABASE_URL = 'sqljs:var/branch-ra.sqlite';

  /** HMAC key of staff sessions; at least 32 characters. */
  @IsString()
  @MinLength(32)
  JWT_SECRET: string;

  @Matches(/^\d+[smh]$/)
  JWT_TTL = '30m';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_LOCK_MINUTES = 15;

  /** Sign-in attempts one client address may make per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_RATE_PER_MINUTE = 20;

  /** Folder of the built admin console; served at `/` when it exists. */
  @IsString()
  ADMIN_DIST_DIR = 'dist/admin';

  /** Where the code-first GraphQL schema is written; empty keeps it in memory (production). */
  @IsOptional()
  @IsString()
  SCHEMA_FILE?: string;

  /** Seed the demo branches, staff and customers at boot (idempotent). */
  @IsIn(['true', 'false'])
  SEED_DEMO = 'false';

  @IsIn(['error', 'warn', 'log', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

export const ENV = Symbol('ENV');

/** Parses and validates `source` (default `process.env`); throws listing the invalid names. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const names = errors.map((e) => e.property).join(', ');
    throw new Error(`Invalid configuration: ${names}. See the README section "Configuration".`);
  }
  return env;
}

export function isEmbeddedDatabase(env: Env): boolean {
  return env.DATABASE_URL.startsWith('sqljs:');
}
