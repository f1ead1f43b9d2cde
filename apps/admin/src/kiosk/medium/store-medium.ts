import type { AgentClient } from '../agent-client';
import { KioskError, toKioskError } from '../kiosk-error';
import type { Medium } from './medium';

/**
 * The store says "no such entry"; to the customer that is the manual's 80092004 on any medium:
 * the key is not on this computer (another PC, or a backup not yet restored).
 */
async function keyHere<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const error = toKioskError(e);
    if (error.code !== 'AGENT_STORE_ENTRY_NOT_FOUND') throw error;
    throw new KioskError('PRIVATE_KEY_NOT_FOUND', error.message, error.params);
  }
}

/** This computer's certificate store (the "PC" medium), opened with its password beforehand. */
export function storeMedium(agent: AgentClient): Medium {
  return {
    kind: 'store',
    tokenSerial: null,
    objects: () => agent.storeObjects(),
    sign: (id, challenge) => keyHere(agent.storeSign({ id, challenge })),
    install: (certificates, chain) => keyHere(agent.storeInstall({ certificates, chain })),
    generate: (request) => agent.storeKeys(request),
  };
}
