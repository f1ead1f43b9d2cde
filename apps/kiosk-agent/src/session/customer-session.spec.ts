import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { type PairingClaims } from '@app/domain';
import { codeOf } from '@app/contracts/testing/domain-error';
import { type AgentConfig } from '../config/agent-config';
import { type EventHub } from '../events/event-hub';
import { type ComputerCertificates } from '../store/computer-certificates';
import { type SoftwareStore } from '../store/software-store';
import { type TokenService } from '../token/token-service';
import { CustomerSessions } from './customer-session';

function setup(mode: 'kiosk' | 'personal') {
  const calls: string[] = [];
  const record = (name: string) => async () => {
    calls.push(name);
  };
  const tokens = { endSession: record('tokens.endSession') } as unknown as TokenService;
  const store = { wipe: record('store.wipe'), close: () => calls.push('store.close') } as unknown as SoftwareStore;
  const copies = { wipe: record('copies.wipe') } as unknown as ComputerCertificates;
  const events = { close: (id: string) => calls.push(`events.close ${id}`) } as unknown as EventHub;
  const sessions = new CustomerSessions({ mode } as AgentConfig, tokens, store, copies, events);
  return { sessions, calls };
}

function claims(sessionId: string, seconds = 600): PairingClaims {
  const now = Math.floor(Date.now() / 1000);
  return { kioskCode: 'K1', sessionId, origin: 'https://ra.bank.test', issuedAt: now, expiresAt: now + seconds };
}

describe('CustomerSessions', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('kiosk mode: a new customer session ends the previous one, which is wiped and cannot come back', async () => {
    const { sessions, calls } = setup('kiosk');
    await sessions.start(claims('a'));
    await sessions.start(claims('a'));
    expect(calls).toEqual([]);
    await sessions.start(claims('b'));
    expect(calls).toEqual(['tokens.endSession', 'store.wipe', 'copies.wipe', 'events.close a']);
    expect(sessions.currentId).toBe('b');
    expect(await codeOf(sessions.start(claims('a')))).toBe('AGENT_SESSION_ENDED');
    expect(() => sessions.require(claims('a'))).toThrow('AGENT_SESSION_ENDED');
    expect(() => sessions.require(claims('b'))).not.toThrow();
  });

  it('ends the session when its pairing expires', async () => {
    jest.useFakeTimers();
    const { sessions, calls } = setup('kiosk');
    await sessions.start(claims('a', 60));
    await jest.advanceTimersByTimeAsync(61_000);
    expect(sessions.currentId).toBeUndefined();
    expect(calls).toContain('store.wipe');
  });

  it('personal mode: ending logs out and locks the store but keeps its files', async () => {
    const { sessions, calls } = setup('personal');
    await sessions.start(claims('a'));
    await sessions.end('a');
    expect(calls).toEqual(['tokens.endSession', 'store.close', 'events.close a']);
  });

  it('kiosk mode: start-up clears what a crashed run left', async () => {
    const { sessions, calls } = setup('kiosk');
    await sessions.recover();
    expect(calls).toEqual(['store.wipe', 'copies.wipe']);
  });
});
