import type { AgentToken } from '@app/contracts';
import { useState } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useToken, type UseTokenOptions } from '../token/use-token';
import type { PinFieldProps } from './PinField';
import { loginToken } from './token-login';

export interface TokenPin {
  readonly token: AgentToken | null;
  /** The agent did not answer the last look for the token. */
  readonly failure: KioskError | null;
  /** A PIN is typed and, where the next try is the token's last, the customer took the warning. */
  readonly ready: boolean;
  /** Everything PinField needs. */
  readonly field: Pick<PinFieldProps, 'value' | 'onChange' | 'token' | 'finalTry' | 'onAcceptFinalTry'>;
  /** Logs in to the token in the reader with the typed PIN. */
  readonly login: () => Promise<AgentToken>;
  /**
   * After a failed try: the token is looked at again (how it stands shows under the PIN) and the
   * error to show is returned — none for a refused final try, whose warning says it already.
   */
  readonly failed: (e: unknown) => KioskError | null;
  /** Forgets the typed PIN, after every try. */
  readonly clear: () => void;
}

/** The token in the reader and its PIN, with the warning before the try that would lock it. */
export function useTokenPin(agent: AgentClient, options?: UseTokenOptions): TokenPin {
  const { token, failure, refresh } = useToken(agent, options);
  const [pin, setPin] = useState('');
  const [warned, setWarned] = useState(false);
  const [finalTryRefused, setFinalTryRefused] = useState(false);
  // The token's own count warns before the last PIN is typed; the refusal covers a token that does not report it.
  const unwarned = (finalTryRefused || !!token?.pin.finalTry) && !warned;
  return {
    token,
    failure,
    ready: pin !== '' && !unwarned,
    field: { value: pin, onChange: setPin, token, finalTry: unwarned, onAcceptFinalTry: () => setWarned(true) },
    login: () => loginToken(agent, pin, warned),
    failed: (e) => {
      void refresh();
      const error = toKioskError(e);
      if (error.code !== 'TOKEN_PIN_FINAL_TRY') return error;
      setFinalTryRefused(true);
      return null;
    },
    clear: () => setPin(''),
  };
}
