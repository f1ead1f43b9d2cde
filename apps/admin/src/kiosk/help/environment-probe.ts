import { AGENT_PATHS, isErrorCode, type ErrorCode } from '@app/contracts';
import { formatDate } from '../../calendar/format-date';
import type { AgentClient } from '../agent-client';
import { toKioskError } from '../kiosk-error';
import {
  agentLine,
  browserLines,
  clockLine,
  detectBrowserFeatures,
  sessionLines,
  type AgentAnswer,
  type CheckLine,
  type ClockSample,
} from './environment-checks';

/** Liveness and version from `GET /health`: the one agent call that needs no pairing. */
export async function agentHealth(agentUrl: string): Promise<AgentAnswer> {
  try {
    const res = await fetch(`${agentUrl}${AGENT_PATHS.health}`, { cache: 'no-store' });
    const body = (await res.json()) as { version?: unknown };
    return res.ok && typeof body.version === 'string' ? { version: body.version } : { code: 'AGENT_UNREACHABLE' };
  } catch {
    // Refused, not listening, or no CORS grant (a page the agent does not allow): all read the same.
    return { code: 'AGENT_UNREACHABLE' };
  }
}

/**
 * The server's clock, from the `Date` header of the smallest GraphQL answer (no credentials, no
 * data): second-precise, which is plenty against a limit of minutes.
 */
export async function sampleServerClock(): Promise<ClockSample | null> {
  const localAt = Date.now();
  // Round trip on the monotonic clock: the wall clock is the thing under suspicion.
  const started = performance.now();
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return { localAt, roundTripMs: performance.now() - started, serverDate: res.headers.get('date') };
  } catch {
    return null;
  }
}

const rocDateTime = (ms: number) => formatDate(new Date(ms), 'roc', true);

/**
 * Every line of the check. With a paired agent, the full report (`GET /v1/environment`); before a
 * teller signs in, only what needs no pairing: the agent's liveness, the clock and the browser.
 */
export async function runEnvironmentCheck(agentUrl: string, agent: AgentClient | null): Promise<CheckLine[]> {
  const agentPart = agent
    ? agent.environment().then(sessionLines, (e: unknown) => [agentLine({ code: codeOf(e) })])
    : agentHealth(agentUrl).then((answer) => [agentLine(answer)]);
  const [agentLines, sample] = await Promise.all([agentPart, sampleServerClock()]);
  return [...agentLines, clockLine(sample, rocDateTime), ...browserLines(detectBrowserFeatures(window))];
}

/** Why the report could not be had: the agent's own code, or simply that it did not answer. */
function codeOf(error: unknown): ErrorCode {
  const { code } = toKioskError(error);
  return isErrorCode(code) && code !== 'INTERNAL_ERROR' ? code : 'AGENT_UNREACHABLE';
}
