import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AuditQueryService } from '@app/api/audit/audit-query.service';
import { AuditService } from '@app/api/audit/audit.service';
import { TestApp } from '../support/test-app';

const run = promisify(execFile);

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { version } }`;
const EVENTS = `query($filter: AuditEventFilter, $take: Int) {
  auditEvents(filter: $filter, take: $take) {
    total items { id seq action actorUsername actorRole branchCode targetType targetId beforeJson afterJson requestId }
  }
}`;

/** The verify command as an operator runs it: the built tool, against this suite's database. */
async function verifyCommand(databaseUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('node', ['dist/apps/api/apps/api/src/tools/audit-verify.js'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('audit trail: HMAC chain, browser, scope (MariaDB)', () => {
  let t: TestApp;
  let teller: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start('audit');
    teller = await t.signIn('teller01');
    // Sign-ins are audited too: events of several actors and both branches.
    for (const user of ['supervisor01', 'supervisor02', 'admin01']) await t.signIn(user);
    const inputs = [
      { token: teller, idNumber: 'A123456789', name: '張美玲' },
      { token: await t.signIn('teller02'), idNumber: 'B120863158', name: '陳志豪' },
      { token: teller, idNumber: '04595257', name: '測試科技股份有限公司' },
    ];
    for (const { token, ...input } of inputs) {
      const { body } = await t.gql(CREATE, { input }, { token });
      expect(body.errors).toBeUndefined();
      ids.push(body.data!.createCustomer.id);
    }
  });
  afterAll(() => t?.close());

  const verify = () => t.app.get(AuditQueryService).verifyChain({ batchSize: 3 });
  const seqOf = async (targetId: string, action = 'CUSTOMER_CREATED') =>
    String(
      (
        await t.dataSource.query('SELECT seq FROM audit_events WHERE target_id = ? AND action = ?', [targetId, action])
      )[0].seq,
    );

  it('chains every event of a normal run, and the verify command says so', async () => {
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.breaks).toEqual([]);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events WHERE seq IS NULL');
    expect(Number(n)).toBe(0);
    expect(report.checked).toBe(8); // five sign-ins and three new customers
    const [head] = await t.dataSource.query('SELECT last_seq, last_hmac FROM audit_chain_head');
    expect(String(head.last_seq)).toBe(report.lastSeq);
    const { code, out } = await verifyCommand(process.env.DATABASE_URL!);
    expect(out).toContain('audit chain intact');
    expect(code).toBe(0);
  });

  it('keeps one unbroken chain when many transactions append at once', async () => {
    const names = ['李', '黃', '吳', '周', '徐', '孫', '馬', '朱'];
    const results = await Promise.all(
      [
        'A101000005',
        'A101000014',
        'A101000023',
        'A101000032',
        'A101000041',
        'A101000050',
        'A101000069',
        'A101000078',
      ].map((idNumber, i) => t.gql(CREATE, { input: { idNumber, name: `${names[i]}測試` } }, { token: teller })),
    );
    const created = results.filter((r) => !r.body.errors).length;
    expect(created).toBe(8);
    const [{ n, lo, hi }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM audit_events WHERE seq IS NOT NULL',
    );
    expect(Number(hi) - Number(lo) + 1).toBe(Number(n));
    expect((await verify()).ok).toBe(true);
  });

  it('drops the events of a rolled-back savepoint and keeps the rest of the transaction’s', async () => {
    const audit = t.app.get(AuditService);
    const system = { requestId: 'savepoint-test', clientIp: null, locale: 'zh-TW' as const, staff: null };
    await t.dataSource.transaction(async (m) => {
      await audit.record(m, system, { action: 'OUTER_KEPT', targetType: 'Test', targetId: '1' });
      await m
        .transaction(async (inner) => {
          await audit.record(inner, system, { action: 'INNER_DROPPED', targetType: 'Test', targetId: '2' });
          throw new Error('inner step failed');
        })
        .catch(() => undefined);
    });
    // Outside any transaction the event is written at once, in a transaction of its own.
    await audit.record(t.dataSource.manager, system, { action: 'STANDALONE', targetType: 'Test', targetId: '3' });
    const rows = await t.dataSource.query(
      "SELECT action FROM audit_events WHERE request_id = 'savepoint-test' ORDER BY seq",
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['OUTER_KEPT', 'STANDALONE']);
    expect((await verify()).ok).toBe(true);
  });

  it('flags an event slipped in without a sequence number after the chain started', async () => {
    await t.dataSource.query(
      "INSERT INTO audit_events (occurred_at, actor_type, action, target_type) VALUES (NOW(3), 'SYSTEM', 'FORGED', 'Customer')",
    );
    const [{ id }] = await t.dataSource.query("SELECT id FROM audit_events WHERE action = 'FORGED'");
    const report = await verify();
    expect(report.breaks).toEqual([{ seq: null, id: String(id), reason: 'UNCHAINED' }]);
    await t.dataSource.query("DELETE FROM audit_events WHERE action = 'FORGED'");
    expect((await verify()).ok).toBe(true);
  });

  it('catches a row edited directly in MariaDB and names it', async () => {
    const seq = await seqOf(ids[0]);
    await t.dataSource.query(
      `UPDATE audit_events SET \`after\` = REPLACE(\`after\`, '張美玲', '張美琳') WHERE seq = ?`,
      [seq],
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toMatchObject({ seq, reason: 'EDITED' });
    // One edited row is one break: the events after it still chain to its stored HMAC.
    expect(report.breaks).toHaveLength(1);
    const { code, out } = await verifyCommand(process.env.DATABASE_URL!);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`first broken event seq=${seq} id=\\d+ reason=EDITED`));
    await t.dataSource.query(
      `UPDATE audit_events SET \`after\` = REPLACE(\`after\`, '張美琳', '張美玲') WHERE seq = ?`,
      [seq],
    );
    expect((await verify()).ok).toBe(true);
  });

  it('catches a changed time or actor as an edit too', async () => {
    const seq = await seqOf(ids[1]);
    const [row] = await t.dataSource.query('SELECT actor_id FROM audit_events WHERE seq = ?', [seq]);
    await t.dataSource.query('UPDATE audit_events SET actor_id = ? WHERE seq = ?', ['someone-else', seq]);
    expect((await verify()).breaks[0]).toMatchObject({ seq, reason: 'EDITED' });
    await t.dataSource.query('UPDATE audit_events SET actor_id = ? WHERE seq = ?', [row.actor_id, seq]);
    expect((await verify()).ok).toBe(true);
  });

  it('catches two events whose sequence numbers were swapped', async () => {
    const [a, b] = [await seqOf(ids[1]), await seqOf(ids[2])];
    await t.dataSource.transaction(async (m) => {
      await m.query('UPDATE audit_events SET seq = -1 WHERE seq = ?', [a]);
      await m.query('UPDATE audit_events SET seq = ? WHERE seq = ?', [a, b]);
      await m.query('UPDATE audit_events SET seq = ? WHERE seq = -1', [b]);
    });
    const report = await verify();
    expect(report.breaks[0]).toMatchObject({ seq: a, reason: 'REORDERED' });
    await t.dataSource.transaction(async (m) => {
      await m.query('UPDATE audit_events SET seq = -1 WHERE seq = ?', [a]);
      await m.query('UPDATE audit_events SET seq = ? WHERE seq = ?', [a, b]);
      await m.query('UPDATE audit_events SET seq = ? WHERE seq = -1', [b]);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('catches a row deleted directly in MariaDB, naming the missing sequence number', async () => {
    const seq = await seqOf(ids[1]);
    const [saved] = await t.dataSource.query('SELECT * FROM audit_events WHERE seq = ?', [seq]);
    await t.dataSource.query('DELETE FROM audit_events WHERE seq = ?', [seq]);
    const report = await verify();
    expect(report.breaks[0]).toMatchObject({ seq, reason: 'MISSING' });
    const { code, out } = await verifyCommand(process.env.DATABASE_URL!);
    expect(code).toBe(1);
    expect(out).toContain(`first broken event seq=${seq} `);
    expect(out).toContain('reason=MISSING');
    // Put back exactly as it was, the chain is whole again: the verifier flags tampering, not position.
    const columns = Object.keys(saved);
    await t.dataSource.query(
      `INSERT INTO audit_events (${columns.map((c) => `\`${c}\``).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
      columns.map((c) => saved[c]),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('catches the newest event cut off the end of the chain', async () => {
    const [{ last }] = await t.dataSource.query('SELECT MAX(seq) AS last FROM audit_events');
    await t.dataSource.query('DELETE FROM audit_events WHERE seq = ?', [last]);
    expect((await verify()).breaks).toEqual([{ seq: String(last), id: null, reason: 'MISSING' }]);
  });
});

describe('an action whose audit row cannot be written does not happen (MariaDB)', () => {
  let t: TestApp;
  let teller: string;
  beforeAll(async () => {
    t = await TestApp.start('audit-fail');
    teller = await t.signIn('teller01');
  });
  afterAll(() => t?.close());

  it('rolls the change back and tells the user, when the insert into audit_events fails', async () => {
    const [{ version }] = await t.dataSource.query(
      "SELECT version FROM customers WHERE id = '00000000-0000-4000-8000-00000000c001'",
    );
    const [{ n: before }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events');
    await t.dataSource.query(
      "CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit disk full'",
    );
    try {
      const { body } = await t.gql(
        UPDATE,
        { id: '00000000-0000-4000-8000-00000000c001', input: { name: '王小華', version } },
        { token: teller },
      );
      expect(body.errors![0].extensions.code).toBe('AUDIT_UNAVAILABLE');
      expect(body.errors![0].message).toBe('稽核紀錄無法寫入，本次操作未執行。');
      expect(JSON.stringify(body)).not.toContain('audit disk full');
    } finally {
      await t.dataSource.query('DROP TRIGGER audit_refuse');
    }
    const [row] = await t.dataSource.query(
      "SELECT name, version FROM customers WHERE id = '00000000-0000-4000-8000-00000000c001'",
    );
    expect(row).toEqual({ name: '王小明', version });
    const [{ n: after }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events');
    expect(Number(after)).toBe(Number(before));
    expect((await t.app.get(AuditQueryService).verifyChain()).ok).toBe(true);
  });

  it('refuses to act when the chain head is gone, rather than start a second chain', async () => {
    await t.dataSource.query('DELETE FROM audit_chain_head');
    const { body } = await t.gql(CREATE, { input: { idNumber: 'A123456789', name: '張美玲' } }, { token: teller });
    expect(body.errors![0].extensions.code).toBe('AUDIT_UNAVAILABLE');
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM customers WHERE id_number = 'A123456789'");
    expect(Number(n)).toBe(0);
  });
});

describe('audit browser scope (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await TestApp.start('audit-scope');
    for (const u of ['teller01', 'teller02', 'supervisor01', 'supervisor02', 'admin01']) tokens[u] = await t.signIn(u);
    await t.gql(CREATE, { input: { idNumber: 'A123456789', name: '張美玲' } }, { token: tokens.teller01 });
    await t.gql(CREATE, { input: { idNumber: 'B120863158', name: '陳志豪' } }, { token: tokens.teller02 });
  });
  afterAll(() => t?.close());

  const events = async (user: string, filter: Record<string, unknown> = {}) =>
    (await t.gql(EVENTS, { filter, take: 200 }, { token: tokens[user] })).body;

  it('shows a supervisor only the events of their own branch', async () => {
    const body = await events('supervisor02');
    expect(body.errors).toBeUndefined();
    const items = body.data!.auditEvents.items as Array<{ branchCode: string; action: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.branchCode))).toEqual(new Set(['0060123']));
    expect(items.some((i) => i.action === 'CUSTOMER_CREATED')).toBe(true);
    // Asking for another branch gives nothing rather than widening the scope.
    expect((await events('supervisor02', { branchCode: '0060000' })).data!.auditEvents.total).toBe(0);
  });

  it('shows an admin every branch, filtered by actor, action and time', async () => {
    const all = (await events('admin01')).data!.auditEvents;
    expect(new Set(all.items.map((i: { branchCode: string }) => i.branchCode))).toEqual(
      new Set(['0060000', '0060123']),
    );
    const byActor = (await events('admin01', { actor: 'teller01', action: 'CUSTOMER_CREATED' })).data!.auditEvents;
    expect(byActor.total).toBe(1);
    expect(byActor.items[0]).toMatchObject({ actorUsername: 'teller01', actorRole: 'TELLER', branchCode: '0060000' });
    expect(JSON.parse(byActor.items[0].afterJson)).toMatchObject({ name: '張美玲', idNumber: 'A123456789' });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await events('admin01', { from: future })).data!.auditEvents.total).toBe(0);
  });

  it('gives tellers no access to the trail', async () => {
    const body = await events('teller01');
    expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(body.data).toBeNull();
  });

  it('refuses a malformed filter with a field error', async () => {
    const body = await events('admin01', { branchCode: '60000' });
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0].extensions.fields[0]).toMatchObject({ field: 'filter.branchCode', code: 'FIELD_INVALID' });
  });
});
