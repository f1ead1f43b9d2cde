import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task';
import { ENV, type Env } from '../config/env';
import { IssuanceService } from './issuance.service';

/** Polls for pending requests every ISSUANCE_POLL_MS; several API processes may run one each. */
@Injectable()
export class IssuanceWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(issuance: IssuanceService, @Inject(ENV) env: Env) {
    this.task = new PeriodicTask('IssuanceWorker', env.ISSUANCE_POLL_MS, () => issuance.signPending());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
