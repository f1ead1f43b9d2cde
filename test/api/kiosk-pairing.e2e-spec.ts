import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DomainError } from '@app/contracts';
import { decodeKioskKey, verifyPairingToken } from '@app/domain';
import { SoftHsm } from '@app/pkcs11/testing/softhsm';
import { AgentHarness } from '../agent/support/agent-harness';
import { TestApp } from '../support/test-app';

const PAGE = 'https://kiosk.bank.test';
process.env.KIOSK_PAIRING_KEY = randomBytes(32).toString('base64url');
process.env.KIOSK_PAGE_ORIGIN = PAGE;
process.env.KIOSK_PAIRING_TTL_MINUTES = '15';

const PAIR = `mutation($kioskCode: String!) { pairKioskAgent(kioskCode: $kioskCode) { token sessionId kioskCode origin expiresAt } }`;
const ISSUE_KEY = `mutation($kioskCode: String!) { issueKioskAgentKey(kioskCode: $kioskCode) { kioskCode kioskKey } }`;

interface Pairing {
  token: string;
  sessionId: string;
  kioskCode: string;
  origin: string;
  expiresAt: string;
}

/** The API mints pairing tokens that only the named kiosk's agent accepts, from the kiosk page only. */
describe('kiosk pairing (API ↔ agent)', () => {
  let t: TestApp;
  let hsm: SoftHsm;
  let teller: string;
  let supervisor: string;
  let tellerTaichung: string;
  let admin: string;
  let agent: AgentHarness;

  async function pair(token: string, kioskCode: string) {
    return t.gql<{ pairKioskAgent: Pairing }>(PAIR, { kioskCode }, { token });
  }

  async function agentKey(kioskCode: string): Promise<Uint8Array> {
    const { body } = await t.gql<{ issueKioskAgentKey: { kioskKey: string } }>(
      ISSUE_KEY,
      { kioskCode },
      { token: admin },
    );
    expect(body.errors).toBeUndefined();
    return decodeKioskKey(body.data!.issueKioskAgentKey.kioskKey)!;
  }

  beforeAll(async () => {
    t = await TestApp.start('kiosk_pairing');
    hsm = new SoftHsm();
    hsm.initToken({ label: 'pairing', pin: '123456' });
    [teller, supervisor, tellerTaichung, admin] = [
      await t.signIn('teller01'),
      await t.signIn('supervisor01'),
      await t.signIn('teller02'),
      await t.signIn('admin01'),
    ];
    agent = await new AgentHarness({
      kioskCode: 'K0060000-01',
      kioskKey: await agentKey('K0060000-01'),
      origin: PAGE,
    }).start();
  });

  afterAll(async () => {
    await agent?.stop();
    hsm?.dispose();
    await t?.close();
  });

  it("lists the kiosks of the caller's branch", async () => {
    const { body } = await t.gql<{ kiosks: { code: string; mode: string; active: boolean }[] }>(
      '{ kiosks { code mode active } }',
      {},
      { token: teller },
    );
    expect(body.data!.kiosks).toEqual([
      { code: 'K0060000-01', mode: 'KIOSK', active: true },
      { code: 'K0060000-02', mode: 'KIOSK', active: true },
      { code: 'K0060000-P1', mode: 'PERSONAL', active: true },
    ]);
  });

  it('mints a token for a teller that the kiosk agent accepts; audited without the token', async () => {
    const { body } = await pair(teller, 'K0060000-01');
    expect(body.errors).toBeUndefined();
    const pairing = body.data!.pairKioskAgent;
    expect(pairing).toMatchObject({ kioskCode: 'K0060000-01', origin: PAGE });
    const ttl = Date.parse(pairing.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);

    const started = await agent.call('/v1/session', { body: {}, token: pairing.token });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ sessionId: pairing.sessionId, mode: 'kiosk' });
    const tokens = await agent.call<{ tokens: unknown[] }>('/v1/tokens', { token: pairing.token });
    expect(tokens.status).toBe(200);
    expect(tokens.body.tokens).toHaveLength(1);

    const rows = await t.dataSource.query(
      "SELECT actor_role, branch_code, `after` FROM audit_events WHERE action = 'KIOSK_SESSION_STARTED'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_role: 'TELLER', branch_code: '0060000' });
    const after = JSON.stringify(rows[0].after);
    expect(after).toContain(pairing.sessionId);
    expect(after).not.toContain(pairing.token.split('.')[2]);
  });

  it('lets a supervisor of the branch start a session too', async () => {
    const { body } = await pair(supervisor, 'K0060000-02');
    expect(body.errors).toBeUndefined();
  });

  it("refuses a kiosk of another branch, and the agent refuses another kiosk's token", async () => {
    const other = await pair(teller, 'K0060123-01');
    expect(other.body.errors?.[0].extensions.code).toBe('OUT_OF_BRANCH');

    const taichung = await pair(tellerTaichung, 'K0060123-01');
    expect(taichung.body.errors).toBeUndefined();
    const refused = await agent.call('/v1/session', { body: {}, token: taichung.body.data!.pairKioskAgent.token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'AGENT_PAIRING_INVALID' });
  });

  it('refuses the token once it has expired', async () => {
    const { body } = await pair(teller, 'K0060000-01');
    const { token, expiresAt } = body.data!.pairKioskAgent;
    const key = await agentKey('K0060000-01');
    const later = Math.floor(Date.parse(expiresAt) / 1000) + 61;
    const error = await verifyPairingToken(key, token, { kioskCode: 'K0060000-01', origin: PAGE, now: later }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('AGENT_PAIRING_EXPIRED');
  });

  it('refuses an unknown or deactivated kiosk, changing nothing', async () => {
    const unknown = await pair(teller, 'K9999999-01');
    expect(unknown.body.errors?.[0].extensions.code).toBe('KIOSK_NOT_FOUND');
    await t.dataSource.query("UPDATE kiosks SET active = 0 WHERE code = 'K0060000-02'");
    const before = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'KIOSK_SESSION_STARTED'",
    );
    const inactive = await pair(teller, 'K0060000-02');
    expect(inactive.body.errors?.[0].extensions.code).toBe('KIOSK_INACTIVE');
    const after = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'KIOSK_SESSION_STARTED'",
    );
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  it('keeps pairing to tellers and supervisors, and agent keys to admins', async () => {
    expect((await pair(admin, 'K0060000-01')).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const key = await t.gql(ISSUE_KEY, { kioskCode: 'K0060000-01' }, { token: teller });
    expect(key.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const audited = await t.dataSource.query(
      "SELECT `after` FROM audit_events WHERE action = 'KIOSK_AGENT_KEY_ISSUED' ORDER BY occurred_at DESC LIMIT 1",
    );
    const recorded: unknown = typeof audited[0].after === 'string' ? JSON.parse(audited[0].after) : audited[0].after;
    expect(recorded).toEqual({ kioskCode: 'K0060000-01' });
  });
});
