import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { TestApp } from '../support/test-app';

const SIGN_IN =
  'mutation($input: SignInInput!) { signIn(input: $input) { accessToken expiresAt staff { username role branch { code } } } }';

describe('staff sign-in (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('auth');
  });
  afterAll(() => t?.close());

  const teller = SEED_STAFF.find((s) => s.username === 'teller01')!;

  it('signs a teller in with a short-lived token, records the sign-in, and keeps no password', async () => {
    const { body } = await t.gql(SIGN_IN, { input: { username: 'teller01', password: teller.demoPassword } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.signIn.staff).toEqual({ username: 'teller01', role: 'TELLER', branch: { code: '0060000' } });
    const ttl = new Date(body.data!.signIn.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(25 * 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);

    const [row] = await t.dataSource.query("SELECT password_hash FROM staff_users WHERE username = 'teller01'");
    expect(row.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);
    const audit = await t.dataSource.query(
      "SELECT action, actor_id, branch_code FROM audit_events WHERE action = 'STAFF_SIGNED_IN' AND actor_id = ?",
      [teller.id],
    );
    expect(audit).toEqual([{ action: 'STAFF_SIGNED_IN', actor_id: teller.id, branch_code: '0060000' }]);
    const leaks = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM audit_events WHERE `after` LIKE ? OR `before` LIKE ?',
      [`%${teller.demoPassword}%`, `%${teller.demoPassword}%`],
    );
    expect(Number(leaks[0].n)).toBe(0);
  });

  it('answers a wrong password with SIGN_IN_FAILED in zh-TW, or English on request', async () => {
    const zh = await t.gql(SIGN_IN, { input: { username: 'supervisor02', password: 'wrong-password-1' } });
    expect(zh.body.errors![0].extensions.code).toBe('SIGN_IN_FAILED');
    expect(zh.body.errors![0].message).toBe('帳號或密碼錯誤。');
    expect(zh.body.errors![0].extensions.faq).toBe('/faq#SIGN_IN_FAILED');
    const en = await t.gql(SIGN_IN, { input: { username: 'no-such-user', password: 'x' } }, { lang: 'en' });
    expect(en.body.errors![0].extensions.code).toBe('SIGN_IN_FAILED');
    expect(en.body.errors![0].message).toBe('Wrong username or password.');
  });

  it('locks the account in the database after five wrong passwords, even against the right one', async () => {
    const admin = SEED_STAFF.find((s) => s.username === 'admin02')!;
    for (let i = 0; i < 5; i += 1) {
      const { body } = await t.gql(SIGN_IN, { input: { username: 'admin02', password: `nope-${i}` } });
      expect(body.errors![0].extensions.code).toBe('SIGN_IN_FAILED');
    }
    const { body } = await t.gql(SIGN_IN, { input: { username: 'admin02', password: admin.demoPassword } });
    expect(body.errors![0].extensions.code).toBe('SIGN_IN_LOCKED');
    expect(body.errors![0].message).toMatch(/帳號已暫時鎖定.*15 分鐘/);
    const [row] = await t.dataSource.query('SELECT locked_until FROM staff_users WHERE id = ?', [admin.id]);
    expect(new Date(row.locked_until).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const events = await t.dataSource.query('SELECT action FROM audit_events WHERE target_id = ? ORDER BY id', [
      admin.id,
    ]);
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'STAFF_SIGN_IN_FAILED',
      'STAFF_SIGN_IN_FAILED',
      'STAFF_SIGN_IN_FAILED',
      'STAFF_SIGN_IN_FAILED',
      'STAFF_LOCKED',
      'STAFF_SIGN_IN_REFUSED_LOCKED',
    ]);
  });

  it('answers a body it cannot read with the error contract, not a bare HTTP error', async () => {
    const post = (path: string, body: string, lang = 'en') =>
      fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body,
      });
    const broken = await post('/graphql', '{"query": "{ branches { code } }"');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      errors: [
        {
          message: 'Some of the data entered is not valid; check the marked fields.',
          extensions: { code: 'BAD_USER_INPUT', faq: '/faq#BAD_USER_INPUT' },
        },
      ],
    });
    const huge = await post('/documents/applications/x/notice', JSON.stringify({ pad: 'x'.repeat(70_000) }), 'zh-TW');
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '送出的資料過大。',
      faq: '/faq#PAYLOAD_TOO_LARGE',
    });
  });

  it('never echoes a password that fails GraphQL coercion', async () => {
    const { body } = await t.gql(SIGN_IN, { input: { username: 'teller01', password: 987654321 } });
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toContain('987654321');
  });

  it('refuses requests without a session, with a forged token, or from the wrong role', async () => {
    const anonymous = await t.gql('{ customers { total } }');
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await t.gql('{ me { id } }', {}, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    expect(forged.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const token = await t.signIn('teller01');
    const staffList = await t.gql('{ staffUsers { total } }', {}, { token });
    expect(staffList.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const me = await t.gql('{ me { username branch { name } } }', {}, { token });
    expect(me.body.data).toEqual({ me: { username: 'teller01', branch: { name: '營業部' } } });
  });

  it('cuts off a deactivated member of staff at once, token or not', async () => {
    const adminToken = await t.signIn('admin01');
    const token = await t.signIn('supervisor01');
    const supervisor = SEED_STAFF.find((s) => s.username === 'supervisor01')!;
    const off = await t.gql(
      'mutation($id: ID!) { updateStaffUser(id: $id, input: { active: false }) { active } }',
      { id: supervisor.id },
      { token: adminToken },
    );
    expect(off.body.data).toEqual({ updateStaffUser: { active: false } });
    const { body } = await t.gql('{ me { id } }', {}, { token });
    expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('reports health with the database state', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', databaseType: 'mariadb' });
  });
});
