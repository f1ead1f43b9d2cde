import type { TokenStatus, TokenType } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { proveWithToken } from '../certificates/prove-certificate';
import { proveWithPendingKey, provingKeys } from '../certificates/prove-pending';
import { KioskError, toKioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { tokenMedium } from '../medium/token-medium';

const MY_TOKEN = `query($serial: String!) { myToken(serial: $serial) { type serial status } }`;

/** The customer's own registered token, and the session that proved the customer. */
export interface OwnToken {
  readonly type: TokenType;
  readonly serial: string;
  readonly status: TokenStatus;
  readonly session: string;
}

/** Proof failures that mean nothing on the token is one of our certificates with its key. */
const NOTHING_OURS: readonly (string | null)[] = ['PRIVATE_KEY_NOT_FOUND', 'CERTIFICATE_PROOF_FAILED'];

/**
 * Whether the logged-in token `serial` is the customer's own, asked before its PIN changes or
 * anything on it is deleted: the customer proves who they are with a certificate of ours on the
 * token (or, with `idNumber`, a signing key still waiting for its certificate), then the API says
 * whether the token is registered to them and ACTIVE. Null when the token holds only waiting keys
 * and the ID number is still to be asked; TOKEN_OWNER_UNPROVEN when it holds nothing of ours;
 * the API's TOKEN_NOT_YOURS, TOKEN_REPORTED_LOST, … as they come.
 */
export async function proveTokenOwner(
  agent: AgentClient,
  serial: string,
  locale: string,
  idNumber?: string,
): Promise<OwnToken | null> {
  const medium = tokenMedium(agent, serial);
  let session: string;
  if (idNumber !== undefined) {
    session = await proveWithPendingKey(medium, idNumber, locale);
  } else {
    try {
      session = await proveWithToken(agent, serial, locale);
    } catch (e) {
      if (!NOTHING_OURS.includes(toKioskError(e).code)) throw e;
      if (provingKeys(await medium.objects()).length > 0) return null;
      throw new KioskError('TOKEN_OWNER_UNPROVEN', 'nothing on the token proves the customer');
    }
  }
  const { myToken } = await kioskGraphql<{ myToken: Omit<OwnToken, 'session'> }>(
    MY_TOKEN,
    { serial },
    { customerSession: session },
    locale,
  );
  return { ...myToken, session };
}
