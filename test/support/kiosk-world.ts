import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { DataSource } from 'typeorm';
import { deriveKioskKey, encodeKioskKey } from '@app/domain';
import { TokenEmulator, type TokenEmulatorOptions } from '@app/pkcs11/testing/token-emulator';
import { createApp } from '@app/api/bootstrap';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { IssuanceService } from '@app/api/ca/issuance.service';
import { validateConfig } from '@app/kiosk-agent/config/agent-config';
import { type KioskAgent, startAgent } from '@app/kiosk-agent/agent-server';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { passwordOnNotice, printNotice } from './notice-pdf';
import { dropDatabase, prepareDatabase } from './test-database';

const CA_PASS = 'kiosk-browser-passphrase-0123';
export const KIOSK_CODE = 'K0060000-01';
/** The head office's customer PC corner (seeds): its agent runs in personal mode. */
export const PERSONAL_KIOSK_CODE = 'K0060000-P1';

/** A port nobody listens on now: the page origin and the agent URL must be known before either starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The kiosk as a branch runs it, in one process: the API on its own migrated MariaDB database with a
 * CA made for the suite (the issuance worker off, so a test decides when the CA signs), and the
 * kiosk agent on the iKey/ezSign emulator, paired with the API through the real master key.
 */
export class KioskWorld {
  private constructor(
    readonly app: NestExpressApplication,
    readonly url: string,
    readonly agent: KioskAgent,
    readonly emulator: TokenEmulator,
    private readonly databaseUrl: string,
    private readonly dirs: readonly string[],
    /** Every error the agent handed its log, whole (not only the line it would print): suites look for secrets in it. */
    readonly agentLog: readonly string[],
    /** The kiosk the agent serves, which the teller picks on the page. */
    readonly kioskCode: string = KIOSK_CODE,
  ) {}

  /** `mode: 'personal'` runs the agent as on a customer's own PC, for the PC corner K0060000-P1. */
  static async start(
    suite: string,
    emulatorOptions: TokenEmulatorOptions = {},
    options: { readonly mode?: 'kiosk' | 'personal' } = {},
  ): Promise<KioskWorld> {
    const mode = options.mode ?? 'kiosk';
    const kioskCode = mode === 'personal' ? PERSONAL_KIOSK_CODE : KIOSK_CODE;
    const [apiPort, agentPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${apiPort}`;
    const master = randomBytes(32);
    const caDir = mkdtempSync(join(tmpdir(), 'kiosk-browser-ca-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-browser-agent-'));
    Object.assign(process.env, {
      CA_DIR: caDir,
      CA_KEY_PASSPHRASE: CA_PASS,
      ISSUANCE_POLL_MS: '0',
      EXPIRY_SWEEP_MS: '0',
      KIOSK_PAIRING_KEY: master.toString('base64url'),
      KIOSK_PAGE_ORIGIN: url,
      KIOSK_AGENT_URL: `http://127.0.0.1:${agentPort}`,
    });
    await createCaHierarchy({ dir: caDir, passphrase: CA_PASS, organization: 'Test Bank' });
    const emulator = TokenEmulator.create(emulatorOptions);
    const databaseUrl = await prepareDatabase(suite);
    const app = await createApp();
    await app.listen(apiPort, '127.0.0.1');
    const config = validateConfig({
      port: agentPort,
      allowedOrigins: [url],
      modulePath: emulator.modulePath,
      kioskCode,
      kioskKey: encodeKioskKey(await deriveKioskKey(new Uint8Array(master), kioskCode)),
      mode,
      dataDir,
      tokenPollMs: 200,
    });
    const agentLog: string[] = [];
    const agent = await startAgent(config, (error) => void agentLog.push(inspect(error, { depth: 8 })));
    return new KioskWorld(app, url, agent, emulator, databaseUrl, [caDir, dataDir], agentLog, kioskCode);
  }

  /** The kiosk page, pointed at this world's agent. */
  get kioskUrl(): string {
    return `${this.url}/kiosk?agent=${encodeURIComponent(this.agent.url)}`;
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  async signIn(username: string): Promise<string> {
    const staff = SEED_STAFF.find((s) => s.username === username);
    if (!staff) throw new Error(`no seeded staff ${username}`);
    const data = await this.gql<{ signIn: { accessToken: string } }>(
      'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      { input: { username, password: staff.demoPassword } },
    );
    return data.signIn.accessToken;
  }

  /**
   * What the counter does before the customer walks to the kiosk: the token handed over and
   * registered, the application registered for it, the notice printed. Returns the notice's password.
   */
  async counterApplication(
    customer: { id: string; email: string },
    tokenSerial: string,
    teller: string,
    medium: 'IKEY' | 'EZSIGN' = 'IKEY',
  ) {
    await this.gql(
      'mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id } }',
      { input: { customerId: customer.id, type: medium, serial: tokenSerial } },
      teller,
    );
    const { registerApplication } = await this.gql<{ registerApplication: { id: string; commonName: string } }>(
      'mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id commonName } }',
      { input: { customerId: customer.id, medium, email: customer.email } },
      teller,
    );
    const notice = await printNotice(this.url, teller, registerApplication.id);
    return { ...registerApplication, password: passwordOnNotice(notice.pdf) };
  }

  /** The counter's part for the PC medium: no token to register, the application and its notice. */
  async counterPcApplication(customer: { id: string; email: string }, teller: string) {
    const { registerApplication } = await this.gql<{ registerApplication: { id: string; commonName: string } }>(
      'mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id commonName } }',
      { input: { customerId: customer.id, medium: 'PC', email: customer.email } },
      teller,
    );
    const notice = await printNotice(this.url, teller, registerApplication.id);
    return { ...registerApplication, password: passwordOnNotice(notice.pdf) };
  }

  /** The CA signs what is pending, as the issuance worker would on its next round. */
  signPending(): Promise<unknown> {
    return this.app.get(IssuanceService).signPending();
  }

  async close(): Promise<void> {
    await this.agent?.close();
    await this.app?.close();
    await dropDatabase(this.databaseUrl);
    this.emulator.dispose();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    for (const key of ['CA_DIR', 'CA_KEY_PASSPHRASE', 'KIOSK_PAIRING_KEY', 'KIOSK_PAGE_ORIGIN', 'KIOSK_AGENT_URL'])
      delete process.env[key];
  }
}
