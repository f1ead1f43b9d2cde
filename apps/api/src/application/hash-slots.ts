/**
 * At most `size` slow hashes at a time in this process. One application-password hash takes 128 MiB
 * for a good part of a second; without a cap, a burst of kiosk attempts could exhaust the memory of
 * the API. Waiters are served in arrival order.
 */
export class HashSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
