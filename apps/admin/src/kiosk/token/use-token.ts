import type { AgentToken } from '@app/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { AgentClient } from '../agent-client';
import { insertedToken } from '../apply/token-login';
import { toKioskError, type KioskError } from '../kiosk-error';

export interface UseTokenOptions {
  /**
   * Look again every 1.5 s until a token is in the reader: polling (not the event stream), so a
   * token already there when the page opened counts too.
   */
  readonly untilInserted?: boolean;
}

export interface UsedToken {
  readonly token: AgentToken | null;
  /** Why the last look failed (the agent did not answer); null once it answers again. */
  readonly failure: KioskError | null;
  readonly refresh: () => Promise<void>;
}

/** The customer's token in the reader, looked up again after each PIN attempt. */
export function useToken(agent: AgentClient, { untilInserted = false }: UseTokenOptions = {}): UsedToken {
  const [token, setToken] = useState<AgentToken | null>(null);
  const [failure, setFailure] = useState<KioskError | null>(null);
  const refresh = useCallback(
    () =>
      insertedToken(agent).then(
        (found) => {
          setToken(found);
          setFailure(null);
        },
        (e: unknown) => {
          setToken(null);
          setFailure(toKioskError(e));
        },
      ),
    [agent],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (token || !untilInserted) return;
    const timer = setInterval(() => void refresh(), 1500);
    return () => clearInterval(timer);
  }, [token, untilInserted, refresh]);
  return { token, failure, refresh };
}
