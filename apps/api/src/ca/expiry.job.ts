import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { CertificateStatusService } from './certificate-status.service';
import { systemContext } from './issuance.service';

/** Sweeps expired certificates every EXPIRY_SWEEP_MS; several API processes may each run it. */
@Injectable()
export class ExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly logger = new Logger('ExpiryJob');

  constructor(
    private readonly status: CertificateStatusService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.EXPIRY_SWEEP_MS > 0) this.timer = setInterval(() => void this.tick(), this.env.EXPIRY_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  tick(): Promise<unknown> {
    this.running = this.running.then(() =>
      this.status
        .expireDue(systemContext())
        .catch((error: unknown) => this.logger.error(`expiry sweep failed: ${String(error)}`)),
    );
    return this.running;
  }
}
