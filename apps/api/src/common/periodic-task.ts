import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `everyMs` (0: never), one pass at a time in this process; a failed pass is
 * logged and the next one runs as usual. Other processes may run the same task: the work itself
 * must share rows safely (e.g. SKIP LOCKED).
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.everyMs > 0) this.timer = setInterval(() => void this.tick(), this.everyMs);
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass, after any pass already running. */
  tick(): Promise<unknown> {
    this.running = this.running.then(() =>
      this.work().catch((error: unknown) => this.logger.error(`pass failed: ${String(error)}`)),
    );
    return this.running;
  }
}
