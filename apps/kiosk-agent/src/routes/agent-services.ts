import { type AgentConfig } from '../config/agent-config';
import { type EventHub } from '../events/event-hub';
import { type CustomerSessions } from '../session/customer-session';
import { type ComputerCertificates } from '../store/computer-certificates';
import { type SoftwareStore } from '../store/software-store';
import { type TokenService } from '../token/token-service';
import { type TokenWatcher } from '../token/token-watcher';

/** Everything the route handlers use, built once by the server. */
export interface AgentServices {
  readonly config: AgentConfig;
  readonly tokens: TokenService;
  readonly store: SoftwareStore;
  readonly copies: ComputerCertificates;
  readonly sessions: CustomerSessions;
  readonly events: EventHub;
  readonly watcher: TokenWatcher;
}
