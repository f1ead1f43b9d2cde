import type { AgentEnvironment, AgentToken, ErrorCode } from '@app/contracts';

/** ✔ ok, ! works but needs attention, ✖ fails, ? could not be checked. */
export type CheckState = 'ok' | 'warn' | 'fail' | 'unknown';

export type CheckId = 'agent' | 'module' | 'token' | 'pin' | 'clock' | 'browser' | 'pdfViewer';

/**
 * One line of the environment check (manual function 18). The page says it with
 * `kiosk.help.check.<id>.<text>` and `params`; a line that is not ok names the error code whose
 * remedy is the fix and whose FAQ answer the line links to.
 */
export interface CheckLine {
  readonly id: CheckId;
  /** Unique among the lines (one per token, one per missing browser feature). */
  readonly key: string;
  readonly state: CheckState;
  readonly text: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly code?: ErrorCode;
}

/** Beyond this, certificates look not yet valid or expired and signed challenges go stale. */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60_000;

/** One exchange with the server: this computer's clock when it was sent, and how long it took. */
export interface ClockSample {
  readonly localAt: number;
  readonly roundTripMs: number;
  /** The answer's HTTP `Date` header (whole seconds). */
  readonly serverDate: string | null;
}

/**
 * How far this computer's clock is ahead of the server's (negative: behind), in ms; null when the
 * server sent no usable `Date`. The server stamped its answer about half a round trip after we
 * sent, and `Date` drops the milliseconds, so the middle of that second is the best guess.
 */
export function clockSkewMs(sample: ClockSample): number | null {
  const server = sample.serverDate ? Date.parse(sample.serverDate) : Number.NaN;
  if (Number.isNaN(server)) return null;
  return sample.localAt + sample.roundTripMs / 2 - (server + 500);
}

export function clockLine(
  sample: ClockSample | null,
  format: (ms: number) => string,
  limitMs = CLOCK_SKEW_LIMIT_MS,
): CheckLine {
  const skew = sample ? clockSkewMs(sample) : null;
  if (sample === null || skew === null)
    return { id: 'clock', key: 'clock', state: 'unknown', text: 'unknown', params: {} };
  const local = sample.localAt + sample.roundTripMs / 2;
  const times = { local: format(local), server: format(local - skew) };
  if (Math.abs(skew) <= limitMs)
    return {
      id: 'clock',
      key: 'clock',
      state: 'ok',
      text: 'ok',
      params: { ...times, seconds: Math.round(Math.abs(skew) / 1000) },
    };
  return {
    id: 'clock',
    key: 'clock',
    state: 'fail',
    text: skew > 0 ? 'ahead' : 'behind',
    params: { ...times, minutes: Math.round(Math.abs(skew) / 60_000) },
    code: 'CLOCK_SKEW',
  };
}

/** What the agent said about itself: its version, or the code of why it could not be asked. */
export type AgentAnswer = { readonly version: string } | { readonly code: ErrorCode };

export function agentLine(answer: AgentAnswer): CheckLine {
  if ('version' in answer)
    return { id: 'agent', key: 'agent', state: 'ok', text: 'ok', params: { version: answer.version } };
  const text = answer.code === 'AGENT_UNREACHABLE' ? 'unreachable' : 'refused';
  return { id: 'agent', key: 'agent', state: 'fail', text, params: {}, code: answer.code };
}

export function moduleLine(env: AgentEnvironment): CheckLine {
  if (env.module) {
    const { description, manufacturer, libraryVersion, cryptokiVersion } = env.module;
    return {
      id: 'module',
      key: 'module',
      state: 'ok',
      text: 'ok',
      params: { description, manufacturer, libraryVersion, cryptokiVersion },
    };
  }
  const failed = env.checks.find((c) => c.name === 'module' && !c.ok);
  return {
    id: 'module',
    key: 'module',
    state: 'fail',
    text: 'fail',
    params: { path: failed?.detail ?? '' },
    code: failed?.code ?? 'TOKEN_MODULE_UNAVAILABLE',
  };
}

const TYPE_NAMES: Readonly<Record<AgentToken['type'], string>> = { IKEY: 'iKey', EZSIGN: 'ezSign', SOFT: '' };

/** Present and recognised (iKey / ezSign, with its certificate room), or what is wrong with it. */
export function tokenLine(token: AgentToken): CheckLine {
  const key = `token-${token.serial}`;
  if (token.type === 'SOFT')
    return {
      id: 'token',
      key,
      state: 'fail',
      text: 'unrecognised',
      params: { serial: token.serial, model: `${token.manufacturer} ${token.model}`.trim() },
      code: 'TOKEN_TYPE_UNKNOWN',
    };
  const params = { serial: token.serial, type: TYPE_NAMES[token.type] };
  return token.certificateCapacity === undefined
    ? { id: 'token', key, state: 'ok', text: 'ok', params }
    : { id: 'token', key, state: 'ok', text: 'okRoom', params: { ...params, capacity: token.certificateCapacity } };
}

/** PKCS#11 tells "some wrong tries", "final try" and "locked", never a count. */
export function pinLine(token: AgentToken): CheckLine {
  const base = { id: 'pin' as const, key: `pin-${token.serial}`, params: { serial: token.serial } };
  const { pin } = token;
  if (pin.locked) return { ...base, state: 'fail', text: 'locked', code: 'TOKEN_PIN_LOCKED' };
  if (pin.finalTry) return { ...base, state: 'warn', text: 'finalTry', code: 'TOKEN_PIN_FINAL_TRY' };
  if (pin.countLow) return { ...base, state: 'warn', text: 'countLow', code: 'TOKEN_PIN_INCORRECT' };
  if (pin.toBeChanged) return { ...base, state: 'warn', text: 'toBeChanged', code: 'TOKEN_PIN_EXPIRED' };
  return { ...base, state: 'ok', text: 'ok' };
}

/** Module, then each token with its PIN state: the part of the report that needs a pairing. */
export function sessionLines(env: AgentEnvironment): CheckLine[] {
  const lines = [agentLine({ version: env.agentVersion }), moduleLine(env)];
  if (!env.module) return lines;
  if (env.tokens.length === 0)
    return [
      ...lines,
      { id: 'token', key: 'token', state: 'fail', text: 'none', params: {}, code: 'TOKEN_NOT_PRESENT' },
    ];
  for (const token of env.tokens) {
    lines.push(tokenLine(token));
    if (token.type !== 'SOFT') lines.push(pinLine(token));
  }
  return lines;
}

export interface BrowserFeatures {
  readonly fetch: boolean;
  readonly eventSource: boolean;
  readonly webCrypto: boolean;
  readonly blobDownload: boolean;
  readonly pdfViewer: boolean;
}

/** The names a help desk recognises, kept untranslated. */
const FEATURE_NAMES: Readonly<Record<Exclude<keyof BrowserFeatures, 'pdfViewer'>, string>> = {
  fetch: 'fetch',
  eventSource: 'EventSource',
  webCrypto: 'WebCrypto (crypto.subtle)',
  blobDownload: 'Blob / URL.createObjectURL',
};

/** The window-like scope the features are looked up on (a plain object in the unit tests). */
export interface BrowserScope {
  readonly fetch?: unknown;
  readonly EventSource?: unknown;
  readonly crypto?: { readonly subtle?: unknown };
  readonly Blob?: unknown;
  readonly URL?: { readonly createObjectURL?: unknown };
  readonly navigator?: { readonly pdfViewerEnabled?: boolean };
}

export function detectBrowserFeatures(scope: BrowserScope): BrowserFeatures {
  return {
    fetch: typeof scope.fetch === 'function',
    eventSource: typeof scope.EventSource === 'function',
    // crypto.subtle exists only in a secure context: http:// on anything but the loopback lacks it.
    webCrypto: !!scope.crypto?.subtle,
    blobDownload: typeof scope.Blob === 'function' && typeof scope.URL?.createObjectURL === 'function',
    pdfViewer: scope.navigator?.pdfViewerEnabled === true,
  };
}

/** One ✖ per missing feature the kiosk needs (or one ✔), and the PDF viewer, which is only a ! . */
export function browserLines(features: BrowserFeatures): CheckLine[] {
  const missing = (Object.keys(FEATURE_NAMES) as (keyof typeof FEATURE_NAMES)[]).filter((f) => !features[f]);
  const lines: CheckLine[] = missing.length
    ? missing.map((f) => ({
        id: 'browser',
        key: `browser-${f}`,
        state: 'fail',
        text: 'missing',
        params: { feature: FEATURE_NAMES[f] },
        code: 'BROWSER_UNSUPPORTED',
      }))
    : [{ id: 'browser', key: 'browser', state: 'ok', text: 'ok', params: {} }];
  lines.push(
    features.pdfViewer
      ? { id: 'pdfViewer', key: 'pdfViewer', state: 'ok', text: 'ok', params: {} }
      : {
          id: 'pdfViewer',
          key: 'pdfViewer',
          state: 'warn',
          text: 'missing',
          params: {},
          code: 'BROWSER_PDF_VIEWER_MISSING',
        },
  );
  return lines;
}

const SEVERITY: Readonly<Record<CheckState, number>> = { ok: 0, unknown: 1, warn: 2, fail: 3 };

/** The worst state of all lines: the summary at the top of the check. */
export function overallState(lines: readonly CheckLine[]): CheckState {
  return lines.reduce<CheckState>((worst, l) => (SEVERITY[l.state] > SEVERITY[worst] ? l.state : worst), 'ok');
}
