import { type TokenInfo } from '@app/pkcs11';
import { type EventHub } from '../events/event-hub';
import { type TokenService } from './token-service';

/**
 * Tells the page when a token is inserted or removed by polling the slot list: C_WaitForSlotEvent
 * is not implemented by every module (SoftHSM returns CKR_FUNCTION_NOT_SUPPORTED) and blocks a
 * thread where it is. Polls only while an event stream is open.
 */
export class TokenWatcher {
  private timer?: NodeJS.Timeout;
  private known?: Map<string, TokenInfo>;

  constructor(
    private readonly tokens: TokenService,
    private readonly events: EventHub,
    private readonly currentSession: () => string | undefined,
    private readonly intervalMs: number,
  ) {}

  ensureRunning(): void {
    if (this.timer) return;
    this.known = this.snapshot();
    this.timer = setInterval(() => this.poll(), this.intervalMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.known = undefined;
  }

  private poll(): void {
    if (!this.events.listening) return this.stop();
    const now = this.snapshot();
    const before = this.known;
    const sessionId = this.currentSession();
    if (!now || !before || !sessionId) {
      this.known = now;
      return;
    }
    for (const [serial, info] of now) {
      if (!before.has(serial)) this.events.emit(sessionId, { type: 'token-inserted', serial, label: info.label });
    }
    for (const [serial, info] of before) {
      if (now.has(serial)) continue;
      void this.tokens.forget(serial);
      this.events.emit(sessionId, { type: 'token-removed', serial, label: info.label });
    }
    this.known = now;
  }

  private snapshot(): Map<string, TokenInfo> | undefined {
    try {
      return new Map(this.tokens.listPresent().map((t) => [t.serial, t]));
    } catch {
      return undefined;
    }
  }
}
