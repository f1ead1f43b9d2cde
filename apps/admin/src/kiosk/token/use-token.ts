import type { AgentToken } from '@app/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { AgentClient } from '../agent-client';
import { insertedToken } from '../apply/token-login';

/** The customer's token in the reader, looked up again after each PIN attempt. */
export function useToken(agent: AgentClient): { token: AgentToken | null; refresh: () => Promise<void> } {
  const [token, setToken] = useState<AgentToken | null>(null);
  const refresh = useCallback(async () => setToken(await insertedToken(agent).catch(() => null)), [agent]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { token, refresh };
}
