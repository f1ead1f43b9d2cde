import type { AgentToken } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { KioskError } from '../kiosk-error';

/** The customer's token in the kiosk's reader: an iKey or ezSign, never a soft token. */
export async function insertedToken(agent: AgentClient): Promise<AgentToken | null> {
  const { tokens } = await agent.tokens();
  return tokens.find((token) => token.type === 'IKEY' || token.type === 'EZSIGN') ?? null;
}

/**
 * The token in the reader, as it is now, if it may take a PIN: every place the page sends a PIN
 * asks here first. A locked token takes none (only the counter can unlock it), and a final try
 * only once the customer saw the warning — the agent would refuse both too, but the PIN should not
 * even leave the page. The state is read afresh, so a page that missed the last wrong try still stops.
 */
export async function tokenForPin(agent: AgentClient, customerWarned: boolean): Promise<AgentToken> {
  const token = await insertedToken(agent);
  if (!token) throw new KioskError('TOKEN_NOT_PRESENT', 'no token');
  if (token.pin.locked) throw new KioskError('TOKEN_PIN_LOCKED', 'locked');
  if (token.pin.finalTry && !customerWarned) throw new KioskError('TOKEN_PIN_FINAL_TRY', 'final try');
  return token;
}

/** Logs in to the token with the customer's PIN (which goes to the agent only, never to the API). */
export async function loginToken(agent: AgentClient, pin: string, customerWarned: boolean): Promise<AgentToken> {
  const token = await tokenForPin(agent, customerWarned);
  await agent.login({ serial: token.serial, pin, customerWarned });
  return token;
}

/** Changes the token's PIN; a wrong old PIN counts like a wrong login, so the same guard applies. */
export async function changeTokenPin(
  agent: AgentClient,
  oldPin: string,
  newPin: string,
  customerWarned: boolean,
): Promise<AgentToken> {
  const token = await tokenForPin(agent, customerWarned);
  await agent.changePin({ serial: token.serial, oldPin, newPin, customerWarned });
  return token;
}
