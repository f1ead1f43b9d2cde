import type { AgentToken } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { KioskError } from '../kiosk-error';

/** The customer's token in the kiosk's reader: an iKey or ezSign, never a soft token. */
export async function insertedToken(agent: AgentClient): Promise<AgentToken | null> {
  const { tokens } = await agent.tokens();
  return tokens.find((token) => token.type === 'IKEY' || token.type === 'EZSIGN') ?? null;
}

/**
 * Logs in to the token with the customer's PIN (which goes to the agent only, never to the API).
 * A final try is refused here unless the customer saw the warning: the agent would refuse it too.
 */
export async function loginToken(agent: AgentClient, pin: string, customerWarned: boolean): Promise<AgentToken> {
  const token = await insertedToken(agent);
  if (!token) throw new KioskError('TOKEN_NOT_PRESENT', 'no token');
  if (token.pin.finalTry && !customerWarned) throw new KioskError('TOKEN_PIN_FINAL_TRY', 'final try');
  await agent.login({ serial: token.serial, pin, customerWarned });
  return token;
}
