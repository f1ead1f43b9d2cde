import type { AgentToken } from '@app/contracts';
import type { AgentClient } from '../agent-client';
import { useTokenPin, type TokenPin } from '../apply/use-token-pin';
import type { KioskError } from '../kiosk-error';
import { useStorePassword, type StorePassword } from '../pc/use-store-password';
import type { UseTokenOptions } from '../token/use-token';
import type { Medium } from './medium';
import { storeMedium } from './store-medium';
import { tokenMedium } from './token-medium';

export interface MediumUnlock {
  /** This computer's store rather than a token. */
  readonly computer: boolean;
  readonly pin: TokenPin;
  readonly store: StorePassword;
  /** The token in the reader (never asked for on a computer's store). */
  readonly token: AgentToken | null;
  /** The agent did not answer the last look for the token (never on a computer's store). */
  readonly failure: KioskError | null;
  /** Enough typed to go on. */
  readonly ready: boolean;
  /** The token logged in with its PIN, or the store opened with its password, as a medium to work on. */
  readonly unlock: () => Promise<Medium>;
  /** After a failed try: the error to show (see TokenPin.failed). */
  readonly failed: (e: unknown) => KioskError | null;
  /** Forgets the typed PIN, after every try (the store password forgets itself). */
  readonly clear: () => void;
}

/** The customer's medium opened by what they type: a token's PIN, or this computer's store password. */
export function useMediumUnlock(
  agent: AgentClient,
  computer: { readonly storeCreated: boolean } | undefined,
  options?: UseTokenOptions,
): MediumUnlock {
  const store = useStorePassword(agent, computer);
  // No token to wait for on a computer's store.
  const pin = useTokenPin(agent, { untilInserted: !computer && options?.untilInserted });
  return {
    computer: computer !== undefined,
    pin,
    store,
    token: pin.token,
    failure: computer ? null : pin.failure,
    ready: computer ? store.ready : pin.ready,
    unlock: async () => {
      if (!computer) return tokenMedium(agent, (await pin.login()).serial);
      await store.unlock();
      return storeMedium(agent);
    },
    failed: pin.failed,
    clear: pin.clear,
  };
}
