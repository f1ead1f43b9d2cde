/**
 * Events on the agent's stream (`GET /v1/events`, server-sent events, one stream per pairing
 * session). The SSE `event:` field is the `type`; `data:` is the JSON of the event.
 */

/** What a long operation is waiting for. */
export type AgentProgressStep =
  /** The token wants its button pressed (ezSign): the page shows the prompt. */
  | 'PRESS_BUTTON'
  /** The token is generating a key pair: this can take a minute. */
  | 'GENERATING_KEY'
  | 'SIGNING'
  | 'DONE';

export interface AgentProgressEvent {
  readonly type: 'progress';
  readonly operation: string;
  readonly step: AgentProgressStep;
  readonly serial?: string;
  /** Seconds left to press the button, when the token has a timeout. */
  readonly timeoutSeconds?: number;
}

export interface AgentTokenEvent {
  readonly type: 'token-inserted' | 'token-removed';
  readonly serial: string;
  readonly label: string;
}

export interface AgentSessionEndedEvent {
  readonly type: 'session-ended';
  readonly sessionId: string;
}

export type AgentEvent = AgentProgressEvent | AgentTokenEvent | AgentSessionEndedEvent;
