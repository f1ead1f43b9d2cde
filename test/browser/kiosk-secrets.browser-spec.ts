import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { AGENT_PATHS } from '@app/contracts';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { Page, Request } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { endSession, retryOnceSigned, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';
import { mysqldump } from '../support/mysqldump';

// Letters and digits, so that no seeded phone number, ID or timestamp can hold one by chance.
const PIN = 'Kq7v2Xp9';
const NEW_PIN = 'Wn3r8D1tZ';
const WRONG_PIN = 'Hj4uN0pL';
const WRONG_PASSWORD = 'ZZZZ2222ZZZZ';
const CUSTOMER = SEED_CUSTOMERS[11];
const TELLER = SEED_STAFF.find((s) => s.username === 'teller01')!;
const PROBE = 'kiosk-secrets-log-probe';

/** What the page sent, whole: where it went and every place a secret could ride along. */
interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The spellings a leaked secret would have in a body, a URL, a log or a dump: as typed, in either
 * case, percent-encoded, as hex (a BLOB in `mysqldump --hex-blob`, a buffer in a log) and as
 * base64 (a buffer serialised to JSON). The password also as the notice prints it, in groups of four.
 */
function spellings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const grouped = secret.length === 12 ? [secret.replace(/(.{4})(?!$)/g, '$1 ')] : [];
  return [
    ...new Set([
      secret,
      secret.toLowerCase(),
      secret.toUpperCase(),
      encodeURIComponent(secret),
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64').replace(/=+$/, ''),
      ...grouped,
    ]),
  ];
}

/** The secrets among `named` that `text` holds in any spelling. */
function secretsIn(text: string, named: Record<string, string>): string[] {
  return Object.entries(named)
    .filter(([, secret]) => spellings(secret).some((s) => text.includes(s)))
    .map(([name]) => name);
}

/** The first field of a GraphQL document (`signIn`, `openApplication`, …): the page sends no operation names. */
function operation(sent: Sent): string | undefined {
  try {
    const { query } = JSON.parse(sent.body) as { query?: string };
    return /^\s*(?:mutation|query)?[^{]*\{\s*(\w+)/.exec(query ?? '')?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Everything written to stdout/stderr or through `console` while it runs: the Nest logger writes
 * to the streams, the agent's fallback logger and stray debugging to the console.
 */
function captureLogs(): { readonly lines: string[]; restore(): void } {
  const lines: string[] = [];
  const undo: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      const done = rest.find((r): r is () => void => typeof r === 'function');
      if (done) queueMicrotask(done);
      return true;
    }) as typeof stream.write;
    undo.push(() => (stream.write = write));
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) =>
      void lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 8 }))).join(' '));
    undo.push(() => (console[level] = original));
  }
  return { lines, restore: () => undo.reverse().forEach((u) => u()) };
}

/** Every file under `dir`, as text (binary files too: a secret in one would still show as its bytes). */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path).toString('latin1') }));
}

/**
 * The promise for the kiosk: the PIN and the application password go nowhere but where
 * they are needed. Every request the page sends is recorded through a whole visit — a teller
 * signs in, the customer applies on an iKey (once with a wrong password), comes back and proves
 * with the token, changes the PIN (once with a wrong old PIN), proves again with the new one and
 * ends the session — and then the requests, the answers, the logs of the API and the agent, the
 * database and the agent's files are searched for the secrets.
 */
describe('kiosk: PINs and passwords never leave where they belong (Chromium, agent, API, MariaDB)', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let password: string;
  let logs: ReturnType<typeof captureLogs>;
  const logLevel = process.env.LOG_LEVEL;
  const requests: Promise<Sent>[] = [];
  const answers: Promise<{ url: string; body: string }>[] = [];
  const pageConsole: string[] = [];
  const secrets = () => ({ PIN, NEW_PIN, WRONG_PIN, password, WRONG_PASSWORD, staffPassword: TELLER.demoPassword });
  const pins = { PIN, NEW_PIN, WRONG_PIN };

  const record = async (request: Request): Promise<Sent> => ({
    url: request.url(),
    method: request.method(),
    headers: await request.allHeaders().catch(() => request.headers()),
    body: request.postData() ?? '',
  });
  const sent = () => Promise.all(requests);
  const isApi = (s: Sent) => new URL(s.url).origin === world.url;
  const isAgent = (s: Sent) => new URL(s.url).origin === world.agent.url;
  const pathOf = (s: Sent) => new URL(s.url).pathname;
  /** Where in the request each secret rides: `url`, `header <name>` or `body`. */
  const places = (s: Sent, named: Record<string, string>) => [
    ...secretsIn(s.url, named).map((name) => `${name} in url`),
    ...Object.entries(s.headers).flatMap(([header, value]) =>
      secretsIn(`${header}: ${value}`, named).map((name) => `${name} in header ${header}`),
    ),
    ...secretsIn(s.body, named).map((name) => `${name} in body`),
  ];
  /** The page's HTML holds no secret once a step is done (inputs cleared, nothing echoed). */
  const expectPageForgets = async () => expect(secretsIn(await page.content(), secrets())).toEqual([]);

  beforeAll(async () => {
    // Everything the API would log at any level, so that a secret logged as debug still shows.
    process.env.LOG_LEVEL = 'debug';
    logs = captureLogs();
    world = await KioskWorld.start('browser-kiosk-secrets');
    const serial = world.emulator.addToken({ label: 'iKey secrets', type: 'IKEY', pin: PIN });
    const teller = await world.signIn('teller01');
    ({ password } = await world.counterApplication(CUSTOMER, serial, teller));
    browser = await launchChromium();
    page = browser.page;
    browser.context.on('request', (request) => void requests.push(record(request)));
    browser.context.on('response', (response) => {
      const { origin } = new URL(response.url());
      const type = response.headers()['content-type'] ?? '';
      // The event stream never ends, so its body cannot be read; its URL is checked with the requests.
      if ((origin !== world.url && origin !== world.agent.url) || type.startsWith('text/event-stream')) return;
      answers.push(
        response
          .body()
          .then((body) => ({ url: response.url(), body: body.toString('latin1') }))
          .catch(() => ({ url: response.url(), body: '' })),
      );
    });
    page.on('console', (message) => void pageConsole.push(message.text()));
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    logs?.restore();
    if (logLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = logLevel;
  });

  it('a customer applies on the iKey after one wrong application password, and the certificates are installed', async () => {
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '申請憑證' }).click();
    await page
      .getByTestId('token-status')
      .getByText(/^載具 /)
      .waitFor();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(WRONG_PASSWORD);
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('[data-code="APPLICATION_PASSWORD_WRONG"]').waitFor();

    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(password);
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '資料正確' }).click();
    await page.getByLabel('我已閱讀並同意上述條款').check();
    await page.getByRole('button', { name: '產生金鑰並送出申請' }).click();
    await retryOnceSigned(page, world);
    await page.getByTestId('apply-installed').waitFor({ timeout: 60_000 });
    await expectPageForgets();
  });

  it('the customer proves with the token, changes the PIN after one wrong old PIN, and proves with the new one', async () => {
    const prove = async (pin: string) => {
      await page.getByRole('button', { name: '回到服務選單' }).click();
      await page.getByRole('button', { name: '查詢我的憑證' }).click();
      await page.getByLabel('載具密碼（PIN）').fill(pin);
      await page.getByRole('button', { name: '查詢我的憑證' }).click();
      await page.getByTestId('my-certificates').locator('tbody tr').nth(1).waitFor();
    };
    await prove(PIN);
    await expectPageForgets();

    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '變更載具密碼' }).click();
    // The old PIN logs in and proves the token the customer's own before the new one is asked.
    const change = async (oldPin: string) => {
      await page.getByLabel('目前的載具密碼').fill(oldPin);
      await page.getByRole('button', { name: '下一步' }).click();
    };
    await change(WRONG_PIN);
    await page.locator('[data-code="TOKEN_PIN_INCORRECT"]').waitFor();
    await change(PIN);
    await page.getByLabel('新的載具密碼（6 至 16 個字元）').fill(NEW_PIN);
    await page.getByLabel('再次輸入新的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.getByTestId('pin-changed').waitFor();
    await expectPageForgets();

    await prove(NEW_PIN);
    await expectPageForgets();
  });

  it('ending the session logs the token out and leaves nothing in the page', async () => {
    await endSession(page);
    expect(world.agent.services.sessions.currentId).toBeUndefined();
    expect((await world.agent.services.tokens.tokens()).every((t) => !t.loggedIn)).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    await expectPageForgets();
  });

  it('sends the application password only in the body of its one openApplication request', async () => {
    const all = await sent();
    for (const [secret, name] of [
      [password, 'password'],
      [WRONG_PASSWORD, 'WRONG_PASSWORD'],
    ] as const) {
      // A copy in any other request (a retry, a log call to the API, a query string) makes this list longer.
      const carrying = all.filter((s) => places(s, { [name]: secret }).length > 0);
      expect(carrying.map((s) => [pathOf(s), operation(s), places(s, { [name]: secret })])).toEqual([
        ['/graphql', 'openApplication', [`${name} in body`]],
      ]);
      expect(isApi(carrying[0])).toBe(true);
    }
  });

  it("sends the PINs only to the agent's login and PIN-change routes, never to the API or in a URL or header", async () => {
    const all = await sent();
    const pinRoutes = new Set<string>([AGENT_PATHS.tokenLogin, AGENT_PATHS.tokenPin]);
    for (const s of all) {
      const where = places(s, pins);
      if (where.length === 0) continue;
      // A PIN in any API request, in the event-stream URL or in an agent route that needs none fails here.
      expect({ url: s.url, where, to: isAgent(s) && pinRoutes.has(pathOf(s)) }).toEqual({
        url: s.url,
        where: where.filter((w) => w.endsWith(' in body')),
        to: true,
      });
    }
    // The record is complete enough to judge: each PIN was seen where it belongs, and the stream was opened.
    const routesOf = (name: keyof typeof pins) =>
      [...new Set(all.filter((s) => secretsIn(s.body, { [name]: pins[name] }).length).map(pathOf))].sort();
    expect(routesOf('PIN')).toEqual([AGENT_PATHS.tokenLogin, AGENT_PATHS.tokenPin].sort());
    expect(routesOf('NEW_PIN')).toEqual([AGENT_PATHS.tokenLogin, AGENT_PATHS.tokenPin].sort());
    // The wrong old PIN is stopped by the login that comes before the ownership proof.
    expect(routesOf('WRONG_PIN')).toEqual([AGENT_PATHS.tokenLogin]);
    const streams = all.filter((s) => isAgent(s) && pathOf(s) === AGENT_PATHS.events);
    expect(streams.length).toBeGreaterThan(0);
    for (const s of streams) expect(places(s, secrets())).toEqual([]);
    expect(all.filter((s) => isApi(s) && places(s, pins).length > 0)).toEqual([]);
  });

  it('sends the staff password only in the body of signIn', async () => {
    const carrying = (await sent()).filter((s) => places(s, { staff: TELLER.demoPassword }).length > 0);
    expect(carrying.map((s) => [s.url, operation(s), places(s, { staff: TELLER.demoPassword })])).toEqual([
      [`${world.url}/graphql`, 'signIn', ['staff in body']],
    ]);
  });

  it('answers with no secret: no GraphQL error, agent error or document echoes one', async () => {
    const bodies = await Promise.all(answers);
    expect(bodies.some((a) => a.url.startsWith(world.agent.url))).toBe(true);
    expect(bodies.some((a) => a.url === `${world.url}/graphql`)).toBe(true);
    expect(
      bodies.map((a) => ({ url: a.url, secrets: secretsIn(a.body, secrets()) })).filter((a) => a.secrets.length),
    ).toEqual([]);
    expect(pageConsole.filter((line) => secretsIn(line, secrets()).length)).toEqual([]);
  });

  it('logs no secret: the API at debug level and the agent, through the whole visit', async () => {
    // The capture works: a line the Nest logger writes at its lowest level is in it. A PIN logged by
    // the agent (console or its error log) or a password logged by a resolver shows up in `leaked`.
    new Logger('KioskSecrets').debug(PROBE);
    expect(logs.lines.join('')).toContain(PROBE);
    const leaked = [...logs.lines, ...world.agentLog].filter((line) => secretsIn(line, secrets()).length);
    expect(leaked).toEqual([]);
    // A secret split over two writes is still one secret in the stream.
    expect(secretsIn([...logs.lines, ...world.agentLog].join(''), secrets())).toEqual([]);
  });

  it('stores no secret: not in a mysqldump of the database, not in the files of the agent', () => {
    const dump = mysqldump({ hexBlob: true });
    // The dump holds the visit: the customer's certificates and the application's slow hash.
    expect(dump).toContain('INSERT INTO `certificates`');
    expect(dump).toContain('INSERT INTO `application_passwords`');
    // A secret kept in a column, in an audit row's JSON or in a BLOB (dumped as hex) is named here.
    expect(secretsIn(dump, secrets())).toEqual([]);
    const files = filesUnder(world.agent.services.config.dataDir);
    expect(
      files.map((f) => ({ path: f.path, secrets: secretsIn(f.text, secrets()) })).filter((f) => f.secrets.length),
    ).toEqual([]);
  });
});
