import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { IssuanceService } from './issuance.service';

/** Polls for pending requests every ISSUANCE_POLL_MS; several API processes may run one each. */
@Injectable()
export class IssuanceWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly logger = new Logger('IssuanceWorker');

  constructor(
    private readonly issuance: IssuanceService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.ISSUANCE_POLL_MS > 0) this.timer = setInterval(() => void this.tick(), this.env.ISSUANCE_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass, unless one is already running in this process. */
  tick(): Promise<unknown> {
    this.running = this.running.then(() =>
      this.issuance
        .signPending()
        .catch((error: unknown) => this.logger.error(`issuance pass failed: ${String(error)}`)),
    );
    return this.running;
  }
}
