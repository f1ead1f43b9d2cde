import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task';
import { ENV, type Env } from '../config/env';
import { JobLeaseService } from '../lease/job-lease.service';
import { ExpiryReminderService, type ReminderRun } from './expiry-reminder.service';

export const REMINDER_LEASE = 'expiry-reminders';
/** Longer than a run takes; a crashed holder's lease runs out after this. */
const LEASE_MS = 30 * 60_000;

/** Runs the reminders every REMINDER_INTERVAL_MS (daily), in one API instance at a time. */
@Injectable()
export class ExpiryReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly reminders: ExpiryReminderService,
    private readonly leases: JobLeaseService,
    @Inject(ENV) env: Env,
  ) {
    this.task = new PeriodicTask('ExpiryReminderJob', env.REMINDER_INTERVAL_MS, () => this.run());
  }

  /** One pass if this instance wins the lease; null when another instance is running it. */
  run(holder?: string): Promise<ReminderRun | null> {
    return this.leases.runExclusive(REMINDER_LEASE, LEASE_MS, () => this.reminders.runOnce(), holder);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
