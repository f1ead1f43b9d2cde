import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { type AgentEvent } from '@app/contracts';
import { type TokenInfo } from '@app/pkcs11';
import { type EventHub } from '../events/event-hub';
import { type TokenService } from './token-service';
import { TokenWatcher } from './token-watcher';

function token(serial: string): TokenInfo {
  return {
    serial,
    label: `label-${serial}`,
    manufacturer: 'm',
    model: 'x',
    type: 'SOFT',
    flags: 0x400,
    minPinLength: 4,
    maxPinLength: 16,
  };
}

describe('TokenWatcher', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('emits insertions and removals between polls to the running session, and stops with the last stream', () => {
    jest.useFakeTimers();
    let present = [token('A')];
    let listening = true;
    const emitted: [string, AgentEvent][] = [];
    const forgotten: string[] = [];
    const tokens = {
      listPresent: () => present,
      forget: async (serial: string) => void forgotten.push(serial),
    } as unknown as TokenService;
    const hub = {
      emit: (id: string, e: AgentEvent) => emitted.push([id, e]),
      get listening() {
        return listening;
      },
    } as unknown as EventHub;
    const watcher = new TokenWatcher(tokens, hub, () => 'session-1', 100);

    watcher.ensureRunning();
    present = [token('A'), token('B')];
    jest.advanceTimersByTime(100);
    present = [token('B')];
    jest.advanceTimersByTime(100);
    expect(emitted).toEqual([
      ['session-1', { type: 'token-inserted', serial: 'B', label: 'label-B' }],
      ['session-1', { type: 'token-removed', serial: 'A', label: 'label-A' }],
    ]);
    // The session on a pulled token died with it: the next request must open (and log in) afresh.
    expect(forgotten).toEqual(['A']);

    listening = false;
    jest.advanceTimersByTime(100);
    present = [];
    jest.advanceTimersByTime(500);
    expect(emitted).toHaveLength(2);
  });

  it('keeps quiet while the module cannot list slots', () => {
    jest.useFakeTimers();
    const emitted: AgentEvent[] = [];
    const tokens = {
      listPresent: () => {
        throw new Error('CKR_GENERAL_ERROR');
      },
    } as unknown as TokenService;
    const hub = { emit: (_: string, e: AgentEvent) => emitted.push(e), listening: true } as unknown as EventHub;
    const watcher = new TokenWatcher(tokens, hub, () => 'session-1', 100);
    watcher.ensureRunning();
    jest.advanceTimersByTime(1000);
    watcher.stop();
    expect(emitted).toEqual([]);
  });
});
