import { DomainError } from '@app/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { loadCa, type LoadedCa } from './ca-keystore';

/** The issuing CA of this process: loaded once at start, or absent until `npm run ca:init` has run. */
@Injectable()
export class CaState implements OnModuleInit, OnModuleDestroy {
  private loaded: LoadedCa | null = null;

  constructor(@Inject(ENV) private readonly env: Env) {}

  async onModuleInit(): Promise<void> {
    this.loaded = await loadCa(this.env);
    if (!this.loaded) new Logger('CA').warn(`No CA in ${this.env.CA_DIR}: run "npm run ca:init" to create one.`);
  }

  /** Lets go of the key store (the token session of a PKCS#11 CA) when the app stops. */
  async onModuleDestroy(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    await loaded?.close();
  }

  get ca(): LoadedCa {
    if (!this.loaded) throw new DomainError('CA_NOT_READY');
    return this.loaded;
  }

  get ready(): boolean {
    return this.loaded !== null;
  }
}
