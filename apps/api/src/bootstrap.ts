import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation.pipe';
import { loadEnv } from './config/env';
import { GraphqlExceptionFilter } from './graphql/graphql-exception.filter';
import { serveAdmin } from './http/admin-static';
import { bodyErrors } from './http/body-errors';
import { securityHeaders } from './http/security-headers';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

/** The API as main.ts runs it and as the e2e tests boot it: same pipes, filters, limits. */
export async function createApp(): Promise<NestExpressApplication> {
  const env = loadEnv();
  const logger = LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL) + 1);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger, bodyParser: false });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '64kb' });
  app.useBodyParser('raw', { type: 'application/ocsp-request', limit: '8kb' });
  app.use(bodyErrors);
  app.use(securityHeaders);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphqlExceptionFilter(app.getHttpAdapter()));
  app.enableShutdownHooks();
  if (!serveAdmin(app, env.ADMIN_DIST_DIR)) {
    new Logger('Bootstrap').warn(`No admin console at ${env.ADMIN_DIST_DIR}: run "npm run build:admin" to serve it.`);
  }
  return app;
}
