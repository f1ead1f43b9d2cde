import { type AgentSession, DomainError } from '@app/contracts';
import { type PairingClaims } from '@app/domain';
import { type AgentConfig } from '../config/agent-config';
import { type EventHub } from '../events/event-hub';
import { type ComputerCertificates } from '../store/computer-certificates';
import { type SoftwareStore } from '../store/software-store';
import { type TokenService } from '../token/token-service';

/** Session ids remembered as ended, so that a still-valid pairing token cannot reopen one. */
const ENDED_MEMORY = 1000;

/**
 * The one customer session the agent serves at a time, bound to the session id of the pairing
 * token. Starting a new session ends the previous one; ending a session logs out of the tokens and
 * forgets the store key, and in kiosk mode also wipes the computer's store and copied
 * certificates, so that nothing of one customer is left for the next.
 */
export class CustomerSessions {
  private current?: { claims: PairingClaims; timer: NodeJS.Timeout };
  private readonly ended = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: AgentConfig,
    private readonly tokens: TokenService,
    private readonly store: SoftwareStore,
    private readonly copies: ComputerCertificates,
    private readonly events: EventHub,
  ) {}

  /** The running session's id, if any. */
  get currentId(): string | undefined {
    return this.current?.claims.sessionId;
  }

  /** Clears what a crashed run may have left (kiosk mode): called before the agent listens. */
  async recover(): Promise<void> {
    if (this.config.mode === 'kiosk') await this.wipe();
  }

  /** Starts the session the token names, ending any other first. Idempotent for the same session. */
  start(claims: PairingClaims): Promise<AgentSession> {
    return this.serialize(async () => {
      if (this.ended.has(claims.sessionId)) throw new DomainError('AGENT_SESSION_ENDED');
      if (this.current && this.current.claims.sessionId !== claims.sessionId) await this.endCurrent();
      if (!this.current) {
        const ms = Math.max(0, claims.expiresAt * 1000 - Date.now());
        const timer = setTimeout(() => void this.end(claims.sessionId), ms).unref();
        this.current = { claims, timer };
      }
      return this.describe(this.current.claims);
    });
  }

  /** Throws AGENT_SESSION_ENDED unless `claims` names the running session. */
  require(claims: PairingClaims): void {
    if (this.current?.claims.sessionId !== claims.sessionId) throw new DomainError('AGENT_SESSION_ENDED');
  }

  /** Ends `sessionId` if it is the running one (ending twice is harmless). */
  end(sessionId: string): Promise<void> {
    return this.serialize(async () => {
      if (this.current?.claims.sessionId === sessionId) await this.endCurrent();
      else this.remember(sessionId);
    });
  }

  async dispose(): Promise<void> {
    if (this.current) await this.end(this.current.claims.sessionId);
  }

  private async endCurrent(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearTimeout(current.timer);
    this.remember(current.claims.sessionId);
    try {
      await this.tokens.endSession();
      if (this.config.mode === 'kiosk') await this.wipe();
      else this.store.close();
    } finally {
      this.events.close(current.claims.sessionId, { type: 'session-ended', sessionId: current.claims.sessionId });
    }
  }

  private async wipe(): Promise<void> {
    await this.store.wipe();
    await this.copies.wipe();
  }

  private remember(sessionId: string): void {
    this.ended.add(sessionId);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.values().next().value as string);
  }

  private describe(claims: PairingClaims): AgentSession {
    return {
      sessionId: claims.sessionId,
      mode: this.config.mode,
      expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
    };
  }

  /** Start and end never interleave: a wipe finishes before the next customer's session begins. */
  private serialize<T>(step: () => Promise<T>): Promise<T> {
    const result = this.queue.then(step);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
