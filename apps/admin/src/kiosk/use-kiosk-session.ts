import type { AgentEvent, AgentProgressEvent } from '@app/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AgentClient } from './agent-client';
import type { Pairing } from './kiosk-queries';

/** A progress event with the moment it arrived: the button prompt counts down from it. */
export type LiveProgress = AgentProgressEvent & { readonly receivedAt: number };

export type EndReason = 'button' | 'idle' | 'tokenRemoved' | 'expired';

export type KioskPhase =
  | { readonly kind: 'staff' }
  | {
      readonly kind: 'customer';
      readonly agent: AgentClient;
      readonly expiresAt: string;
      /** A personal-mode agent: the customer's own PC, whose certificate store outlives the session. */
      readonly computer?: { readonly storeCreated: boolean };
    }
  | { readonly kind: 'ended'; readonly reason: EndReason };

/** Clears what this page kept in the browser: the console session and any preference. */
export function wipePageStorage(): void {
  sessionStorage.clear();
  localStorage.clear();
}

/**
 * The customer session of the kiosk: paired with the agent, listening to its events, and ended
 * (agent told, storage wiped, memory dropped) by the button, idleness, a removed token or expiry.
 */
export function useKioskSession(agentUrl: string, locale: () => string) {
  const [phase, setPhase] = useState<KioskPhase>({ kind: 'staff' });
  const [progress, setProgress] = useState<LiveProgress | null>(null);
  /** On a personal agent a pulled token only gets a notice (its serial) until one is put back. */
  const [tokenOut, setTokenOut] = useState<string | null>(null);
  const stopListening = useRef<(() => void) | null>(null);
  const agentRef = useRef<AgentClient | null>(null);

  const end = useCallback(async (reason: EndReason) => {
    const agent = agentRef.current;
    agentRef.current = null;
    stopListening.current?.();
    stopListening.current = null;
    setProgress(null);
    setTokenOut(null);
    // The agent may already have ended it (token removed, expiry): the wipe on this side still runs.
    await agent?.endSession().catch(() => undefined);
    wipePageStorage();
    setPhase({ kind: 'ended', reason });
  }, []);

  const begin = useCallback(
    async (pairing: Pairing) => {
      const agent = new AgentClient(agentUrl, pairing.token, locale);
      const session = await agent.startSession();
      agentRef.current = agent;
      stopListening.current = agent.listen(
        (event: AgentEvent) => {
          if (event.type === 'progress')
            setProgress(event.step === 'DONE' ? null : { ...event, receivedAt: Date.now() });
          // On a kiosk the token leaving means its owner left; on a customer's own PC it does not.
          else if (event.type === 'token-removed')
            if (session.mode === 'personal') setTokenOut(event.serial);
            else void end('tokenRemoved');
          else if (event.type === 'token-inserted') setTokenOut(null);
          else if (event.type === 'session-ended') void end('expired');
        },
        () => undefined,
      );
      setPhase({
        kind: 'customer',
        agent,
        expiresAt: pairing.expiresAt,
        ...(session.mode === 'personal' ? { computer: { storeCreated: !!session.storeCreated } } : {}),
      });
    },
    [agentUrl, locale, end],
  );

  const restart = useCallback(() => setPhase({ kind: 'staff' }), []);

  // The pairing token dies at expiresAt; the session goes with it rather than failing mid-step.
  useEffect(() => {
    if (phase.kind !== 'customer') return;
    const timer = setTimeout(() => void end('expired'), new Date(phase.expiresAt).getTime() - Date.now());
    return () => clearTimeout(timer);
  }, [phase, end]);

  useEffect(() => () => stopListening.current?.(), []);

  return { phase, progress, tokenOut, begin, end, restart };
}
