import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { systemContext } from '../ca/issuance.service';
import { PeriodicTask } from '../common/periodic-task';
import { ENV, type Env } from '../config/env';
import { ApplicationPasswordService } from './application-password.service';

/** Marks applications whose password ran out EXPIRED, on the certificates' sweep interval (EXPIRY_SWEEP_MS). */
@Injectable()
export class ApplicationExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(passwords: ApplicationPasswordService, @Inject(ENV) env: Env) {
    this.task = new PeriodicTask('ApplicationExpiryJob', env.EXPIRY_SWEEP_MS, () =>
      passwords.expireDue(systemContext()),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
