import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_PAIRING_SCHEME, type AgentEvent, type CertificateUsage } from '@app/contracts';
import { encodeKioskKey, mintPairingToken, type PairingClaims } from '@app/domain';
import { SOFTHSM_MODULE } from '@app/pkcs11/testing/softhsm';
import { createTestHierarchy, type TestHierarchy } from '@app/pki/testing/hierarchy';
import { issueCertificate, parseCsr, randomSerial, toPem } from '@app/pki';
import { validateConfig } from '@app/kiosk-agent/config/agent-config';
import { type KioskAgent, startAgent } from '@app/kiosk-agent/agent-server';

export const PAGE_ORIGIN = 'https://ra.bank.test';
export const KIOSK_CODE = 'K0060000-01';

export interface AgentOptions {
  readonly mode?: 'kiosk' | 'personal';
  readonly modulePath?: string;
  readonly dataDir?: string;
  readonly tokenTypeRules?: readonly { type: 'IKEY' | 'EZSIGN'; model?: string; manufacturer?: string }[];
  /** The agent's kiosk and key, as its config file names them (a random key for this harness by default). */
  readonly kioskCode?: string;
  readonly kioskKey?: Uint8Array;
  /** The page origin the agent allows. */
  readonly origin?: string;
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'OPTIONS';
  readonly body?: unknown;
  readonly origin?: string | null;
  /** The pairing token; `null` sends none. Defaults to the harness's session token. */
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

export interface AgentResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A kiosk agent running in this process on a free port, with its kiosk key and a paired session. */
export class AgentHarness {
  readonly kioskKey: Uint8Array;
  readonly kioskCode: string;
  readonly origin: string;
  readonly sessionId = randomUUID();
  token = '';
  agent!: KioskAgent;
  private readonly ownDataDir: boolean;
  readonly dataDir: string;

  constructor(private readonly options: AgentOptions = {}) {
    this.ownDataDir = options.dataDir === undefined;
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-agent-e2e-'));
    this.kioskKey = options.kioskKey ?? new Uint8Array(randomBytes(32));
    this.kioskCode = options.kioskCode ?? KIOSK_CODE;
    this.origin = options.origin ?? PAGE_ORIGIN;
  }

  async start(): Promise<this> {
    const config = validateConfig({
      port: 0,
      allowedOrigins: [this.origin],
      modulePath: this.options.modulePath ?? SOFTHSM_MODULE,
      kioskCode: this.kioskCode,
      kioskKey: encodeKioskKey(this.kioskKey),
      mode: this.options.mode ?? 'kiosk',
      dataDir: this.dataDir,
      tokenPollMs: 100,
      ...(this.options.tokenTypeRules ? { tokenTypeRules: this.options.tokenTypeRules } : {}),
    });
    this.agent = await startAgent(config, () => undefined);
    this.token = await this.mint();
    return this;
  }

  /** A pairing token as the API would mint it; override claims to forge a bad one. */
  mint(claims: Partial<PairingClaims> = {}, key: Uint8Array = this.kioskKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return mintPairingToken(key, {
      kioskCode: this.kioskCode,
      sessionId: this.sessionId,
      origin: this.origin,
      issuedAt: now,
      expiresAt: now + 900,
      ...claims,
    });
  }

  /** Calls the agent as the kiosk page would: allowed Origin, pairing token, JSON. */
  async call<T = Record<string, unknown>>(path: string, options: CallOptions = {}): Promise<AgentResponse<T>> {
    const token = options.token === undefined ? this.token : options.token;
    const origin = options.origin === undefined ? this.origin : options.origin;
    const res = await fetch(`${this.agent.url}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(origin ? { origin } : {}),
        ...(token ? { authorization: `${AGENT_PAIRING_SCHEME} ${token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
  }

  /** A raw request with a chosen Host header (fetch will not send a forged one). */
  rawRequest(
    path: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.agent.port, path, method: 'GET', headers: { ...headers, connection: 'close' } },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? JSON.parse(data) : {} }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Opens the event stream and collects its events until `close()`. */
  async events(): Promise<EventStream> {
    const controller = new AbortController();
    const res = await fetch(`${this.agent.url}/v1/events?pairing=${encodeURIComponent(this.token)}`, {
      headers: { origin: this.origin },
      signal: controller.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status}`);
    return new EventStream(res.body, controller);
  }

  async stop(): Promise<void> {
    await this.agent?.close();
    if (this.ownDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Server-sent events read from a fetch body. */
export class EventStream {
  readonly received: AgentEvent[] = [];
  private readonly waiters: { match: (e: AgentEvent) => boolean; resolve: (e: AgentEvent) => void }[] = [];
  readonly done: Promise<void>;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly controller: AbortController,
  ) {
    this.done = this.read(body).catch(() => undefined);
  }

  /** The first event (already received or still to come) that `match` accepts. */
  next(match: (e: AgentEvent) => boolean): Promise<AgentEvent> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Resolves once `count` events that `match` accepts have arrived. */
  async atLeast(match: (e: AgentEvent) => boolean, count: number): Promise<void> {
    while (this.received.filter(match).length < count) {
      await new Promise<AgentEvent>((resolve) => this.waiters.push({ match, resolve }));
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (!data) continue;
        const event = JSON.parse(data) as AgentEvent;
        this.received.push(event);
        for (const w of this.waiters.filter((w) => w.match(event))) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    }
  }
}

/** A test CA that issues certificates for the CSRs the agent makes, as the API's CA would. */
export class TestCa {
  private constructor(readonly hierarchy: TestHierarchy) {}

  static async create(): Promise<TestCa> {
    return new TestCa(await createTestHierarchy());
  }

  get chainPem(): string[] {
    return [toPem(this.hierarchy.issuing, 'CERTIFICATE'), toPem(this.hierarchy.root, 'CERTIFICATE')];
  }

  async issue(csrPem: string, usage: CertificateUsage, days = 365): Promise<string> {
    const csr = await parseCsr(csrPem);
    const now = Date.now();
    const der = await issueCertificate({
      publicKey: csr.publicKey,
      subject: SUBJECT,
      usage,
      serial: randomSerial(),
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + days * 86_400_000),
      profile: { policyOids: ['2.25.1'], crlUrls: ['http://ra.bank.test/pki/fxml.crl'], ocspUrls: [] },
      issuer: this.hierarchy.issuingCa,
    });
    return toPem(der, 'CERTIFICATE');
  }
}

export const SUBJECT = [
  { type: 'C', value: 'TW' },
  { type: 'O', value: 'Finance' },
  { type: 'OU', value: 'FXML' },
  { type: 'CN', value: 'A123456789-00-261124' },
] as const;
