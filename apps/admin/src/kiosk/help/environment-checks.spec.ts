import { describe, expect, it } from '@jest/globals';
import type { AgentEnvironment, AgentToken } from '@app/contracts';
import {
  agentLine,
  browserLines,
  clockLine,
  clockSkewMs,
  detectBrowserFeatures,
  overallState,
  pinLine,
  sessionLines,
  tokenLine,
} from './environment-checks';

const SERVER = 'Tue, 24 Nov 2026 08:00:00 GMT';
const SERVER_MS = Date.parse(SERVER);
const iso = (ms: number) => new Date(ms).toISOString();

const token = (overrides: Partial<AgentToken> = {}): AgentToken => ({
  serial: 'IK0001',
  label: 'iKey customer',
  manufacturer: 'Emulated',
  model: 'iKey 2032',
  type: 'IKEY',
  pin: { countLow: false, finalTry: false, locked: false, toBeChanged: false },
  loggedIn: false,
  certificateCapacity: 6,
  ...overrides,
});

const environment = (overrides: Partial<AgentEnvironment> = {}): AgentEnvironment => ({
  agentVersion: '0.1.0',
  mode: 'kiosk',
  kioskCode: 'K0060000-01',
  module: {
    path: '/usr/lib/x.so',
    manufacturer: 'Bank tokens',
    description: 'iKey/ezSign',
    libraryVersion: '1.2',
    cryptokiVersion: '2.40',
  },
  tokens: [token()],
  clock: iso(SERVER_MS),
  node: 'v20',
  platform: 'linux-x64',
  checks: [],
  ok: true,
  ...overrides,
});

describe('clock difference with the server', () => {
  it('takes half the round trip off and the middle of the server second', () => {
    // Sent at server time 07:59:59.700 by our clock; the server stamped 08:00:00 (really ~.000–.999).
    expect(clockSkewMs({ localAt: SERVER_MS - 300, roundTripMs: 600, serverDate: SERVER })).toBe(-500);
    // Two minutes ahead with a slow network: the round trip does not add to the difference.
    const ahead = clockSkewMs({ localAt: SERVER_MS + 120_000 - 4000, roundTripMs: 8000, serverDate: SERVER });
    expect(ahead).toBe(120_000 - 500);
  });

  it('is unknown without a usable Date header', () => {
    expect(clockSkewMs({ localAt: SERVER_MS, roundTripMs: 10, serverDate: null })).toBeNull();
    expect(clockSkewMs({ localAt: SERVER_MS, roundTripMs: 10, serverDate: 'yesterday' })).toBeNull();
    expect(clockLine({ localAt: SERVER_MS, roundTripMs: 10, serverDate: null }, iso).state).toBe('unknown');
    expect(clockLine(null, iso).state).toBe('unknown');
  });

  it('is ok within five minutes and says by how many seconds, with both times', () => {
    const line = clockLine({ localAt: SERVER_MS + 2_500, roundTripMs: 0, serverDate: SERVER }, iso);
    expect(line).toMatchObject({ state: 'ok', params: { seconds: 2, local: iso(SERVER_MS + 2_500) } });
    expect(line.params.server).toBe(iso(SERVER_MS + 500));
    expect(line.code).toBeUndefined();
  });

  it('fails beyond five minutes, ahead or behind, with CLOCK_SKEW and the minutes', () => {
    const behind = clockLine({ localAt: SERVER_MS - 10 * 60_000, roundTripMs: 200, serverDate: SERVER }, iso);
    expect(behind).toMatchObject({ state: 'fail', text: 'behind', code: 'CLOCK_SKEW', params: { minutes: 10 } });
    const ahead = clockLine({ localAt: SERVER_MS + 6 * 60_000, roundTripMs: 200, serverDate: SERVER }, iso);
    expect(ahead).toMatchObject({ state: 'fail', text: 'ahead', code: 'CLOCK_SKEW', params: { minutes: 6 } });
    // Exactly five minutes off, once corrected, is still within; a millisecond more is not.
    const edge = { localAt: SERVER_MS - 300_000 + 400, roundTripMs: 200, serverDate: SERVER };
    expect(clockSkewMs(edge)).toBe(-300_000);
    expect(clockLine(edge, iso).state).toBe('ok');
    expect(clockLine({ ...edge, localAt: edge.localAt - 1 }, iso).state).toBe('fail');
  });
});

describe('PIN state → line', () => {
  const pin = (p: Partial<AgentToken['pin']>) =>
    pinLine(token({ pin: { countLow: false, finalTry: false, locked: false, toBeChanged: false, ...p } }));

  it('says ok for a fresh token', () => {
    expect(pin({})).toMatchObject({ state: 'ok', text: 'ok', key: 'pin-IK0001' });
    expect(pin({}).code).toBeUndefined();
  });

  it('warns of wrong tries and of the final try, each with its fix', () => {
    expect(pin({ countLow: true })).toMatchObject({ state: 'warn', text: 'countLow', code: 'TOKEN_PIN_INCORRECT' });
    // A token on its final try also reports countLow: the stronger warning wins.
    expect(pin({ countLow: true, finalTry: true })).toMatchObject({
      state: 'warn',
      text: 'finalTry',
      code: 'TOKEN_PIN_FINAL_TRY',
    });
    expect(pin({ toBeChanged: true })).toMatchObject({ state: 'warn', code: 'TOKEN_PIN_EXPIRED' });
  });

  it('fails a locked token whatever else it reports', () => {
    expect(pin({ locked: true, finalTry: true, countLow: true })).toMatchObject({
      state: 'fail',
      text: 'locked',
      code: 'TOKEN_PIN_LOCKED',
    });
  });
});

describe('agent, module and tokens', () => {
  it('fails an unreachable agent with AGENT_UNREACHABLE, and names another refusal', () => {
    expect(agentLine({ code: 'AGENT_UNREACHABLE' })).toMatchObject({
      state: 'fail',
      text: 'unreachable',
      code: 'AGENT_UNREACHABLE',
    });
    expect(agentLine({ code: 'AGENT_ORIGIN_REFUSED' })).toMatchObject({ state: 'fail', text: 'refused' });
    expect(agentLine({ version: '0.1.0' })).toMatchObject({ state: 'ok', params: { version: '0.1.0' } });
  });

  it('lists the module, then each token and its PIN state', () => {
    const lines = sessionLines(environment());
    expect(lines.map((l) => l.key)).toEqual(['agent', 'module', 'token-IK0001', 'pin-IK0001']);
    expect(lines[1].params).toMatchObject({
      manufacturer: 'Bank tokens',
      libraryVersion: '1.2',
      cryptokiVersion: '2.40',
    });
    expect(lines[2]).toMatchObject({ text: 'okRoom', params: { type: 'iKey', capacity: 6 } });
    expect(overallState(lines)).toBe('ok');
  });

  it('fails a module that did not load with its code, and checks no tokens then', () => {
    const lines = sessionLines(
      environment({
        module: undefined,
        tokens: [],
        checks: [{ name: 'module', ok: false, code: 'TOKEN_MODULE_UNAVAILABLE', detail: '/nowhere.so' }],
      }),
    );
    expect(lines.map((l) => l.key)).toEqual(['agent', 'module']);
    expect(lines[1]).toMatchObject({
      state: 'fail',
      code: 'TOKEN_MODULE_UNAVAILABLE',
      params: { path: '/nowhere.so' },
    });
    expect(overallState(lines)).toBe('fail');
  });

  it('fails when no token is in the reader, and an unrecognised token without a PIN line', () => {
    expect(sessionLines(environment({ tokens: [] }))[2]).toMatchObject({ state: 'fail', code: 'TOKEN_NOT_PRESENT' });
    const soft = token({ type: 'SOFT', serial: 'S1', manufacturer: 'SoftHSM', model: 'SoftHSM v2' });
    expect(tokenLine(soft)).toMatchObject({
      state: 'fail',
      code: 'TOKEN_TYPE_UNKNOWN',
      params: { model: 'SoftHSM SoftHSM v2' },
    });
    expect(sessionLines(environment({ tokens: [soft] })).map((l) => l.key)).toEqual(['agent', 'module', 'token-S1']);
  });
});

describe('browser features', () => {
  const complete = {
    fetch: () => undefined,
    EventSource: class {},
    crypto: { subtle: {} },
    Blob: class {},
    URL: { createObjectURL: () => '' },
    navigator: { pdfViewerEnabled: true },
  };

  it('passes a complete browser with one ✔ line and the PDF viewer', () => {
    const lines = browserLines(detectBrowserFeatures(complete));
    expect(lines.map((l) => [l.key, l.state])).toEqual([
      ['browser', 'ok'],
      ['pdfViewer', 'ok'],
    ]);
  });

  it('names each missing feature with BROWSER_UNSUPPORTED', () => {
    const lines = browserLines(
      detectBrowserFeatures({ ...complete, EventSource: undefined, crypto: {}, URL: { createObjectURL: undefined } }),
    );
    const failed = lines.filter((l) => l.state === 'fail');
    expect(failed.map((l) => l.params.feature)).toEqual([
      'EventSource',
      'WebCrypto (crypto.subtle)',
      'Blob / URL.createObjectURL',
    ]);
    expect(failed.every((l) => l.code === 'BROWSER_UNSUPPORTED')).toBe(true);
  });

  it('only warns without a built-in PDF viewer (the proof sheet downloads instead)', () => {
    const lines = browserLines(detectBrowserFeatures({ ...complete, navigator: {} }));
    expect(lines.at(-1)).toMatchObject({ state: 'warn', code: 'BROWSER_PDF_VIEWER_MISSING' });
    expect(overallState(lines)).toBe('warn');
  });
});
