/**
 * A fixed one-minute window of sign-in attempts per client address, in memory. The per-account lock
 * (in the database) is what survives restarts; this only slows down a flood from one address.
 */
export class SignInThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; false when the address has used up its window. */
  take(address: string): boolean {
    const now = this.now();
    const window = this.windows.get(address);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perMinute;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(key);
  }
}
