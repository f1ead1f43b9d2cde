import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task';
import { ENV, type Env } from '../config/env';
import { CertificateStatusService } from './certificate-status.service';
import { systemContext } from './issuance.service';

/** Sweeps expired certificates every EXPIRY_SWEEP_MS; several API processes may each run it. */
@Injectable()
export class ExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(status: CertificateStatusService, @Inject(ENV) env: Env) {
    this.task = new PeriodicTask('ExpiryJob', env.EXPIRY_SWEEP_MS, () => status.expireDue(systemContext()));
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
