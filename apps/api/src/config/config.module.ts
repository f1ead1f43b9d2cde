import { Global, Module } from '@nestjs/common';
import { ENV, loadEnv } from './env';

/** Provides the validated Env under the ENV token to every module. */
@Global()
@Module({ providers: [{ provide: ENV, useFactory: () => loadEnv() }], exports: [ENV] })
export class ConfigModule {}
