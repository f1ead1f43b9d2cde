import { useEffect, useState } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError } from '../kiosk-error';

/** Open for this session already? The agent answers AGENT_STORE_LOCKED until the password was given. */
export async function storeIsOpen(agent: AgentClient): Promise<boolean> {
  try {
    await agent.storeObjects();
    return true;
  } catch (e) {
    if (toKioskError(e).code === 'AGENT_STORE_LOCKED') return false;
    throw e;
  }
}

export interface StorePassword {
  /** Null while the agent is asked; true once open for this session (nothing more to type). */
  readonly open: boolean | null;
  /** No password set on this computer yet: this one sets it, so it is typed twice. */
  readonly creating: boolean;
  readonly password: string;
  readonly again: string;
  readonly setPassword: (value: string) => void;
  readonly setAgain: (value: string) => void;
  /** Enough typed to go on. */
  readonly ready: boolean;
  /** Opens the store with what was typed (to the agent only), then forgets it. */
  readonly unlock: () => Promise<void>;
}

/**
 * The password of this computer's certificate store (personal mode): asked once per session, twice
 * the first time, when it is set. It goes to the agent's storeOpen and nowhere else. Without
 * `computer` (a token function sharing the screen) the agent is not asked at all.
 */
export function useStorePassword(
  agent: AgentClient,
  computer: { readonly storeCreated: boolean } | undefined,
): StorePassword {
  const [open, setOpen] = useState<boolean | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');

  const enabled = computer !== undefined;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    storeIsOpen(agent)
      .then((isOpen) => live && setOpen(isOpen))
      .catch(() => live && setOpen(false));
    return () => {
      live = false;
    };
  }, [agent, enabled]);

  const creating = open === false && !computer?.storeCreated;
  const ready = open === true || (open === false && password !== '' && (!creating || again === password));
  const unlock = async () => {
    if (open) return;
    try {
      await agent.storeOpen({ password });
      setOpen(true);
    } finally {
      setPassword('');
      setAgain('');
    }
  };
  return { open, creating, password, again, setPassword, setAgain, ready, unlock };
}
