import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationPasswordService } from '@app/api/application/application-password.service';
import { createApp } from '@app/api/bootstrap';
import { systemContext } from '@app/api/ca/issuance.service';
import { pdfText } from '@app/pdf/pdf-text';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { mysqldump } from '../support/mysqldump';
import { passwordOnNotice, printNotice } from '../support/notice-pdf';
import { TestApp } from '../support/test-app';

const REGISTER = `mutation($input: RegisterApplicationInput!) {
  registerApplication(input: $input) { id commonName version status medium certType email tellerUsername branch { code } }
}`;
const SHOW = `query($id: ID!) { application(id: $id) { id status version notice { noticeNumber expiresAt failedTries triesLeft } } }`;
const LIST = `query($filter: ApplicationFilter) { applications(filter: $filter) { total items { id status commonName } } }`;
const CANCEL = `mutation($id: ID!, $version: Int!) { cancelApplication(id: $id, version: $version) { status version } }`;
const OPEN = `mutation($input: OpenApplicationInput!) {
  openApplication(input: $input) { ticket ticketExpiresAt application { id commonName status medium } }
}`;

/** The ROC-free Taipei day as the CN carries it. */
function cnDay(d = new Date()): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
}

describe('counter applications and application passwords (MariaDB)', () => {
  let t: TestApp;
  let teller: string;
  let supervisor: string;
  let tellerTaichung: string;
  /** Every password printed in this suite: none of them may be found stored anywhere. */
  const printed: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start('applications');
    [teller, supervisor, tellerTaichung] = [
      await t.signIn('teller01'),
      await t.signIn('supervisor01'),
      await t.signIn('teller02'),
    ];
  });
  afterAll(() => t?.close());

  async function register(customer = SEED_CUSTOMERS[0], medium = 'IKEY') {
    const { body } = await t.gql(
      REGISTER,
      { input: { customerId: customer.id, medium, email: customer.email } },
      { token: teller },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.registerApplication;
  }

  async function print(id: string, body: Record<string, unknown> = {}, token = teller) {
    const res = await printNotice(t.url, token, id, body);
    expect(res.status).toBe(200);
    const password = passwordOnNotice(res.pdf);
    printed.push(password);
    return { ...res, password };
  }

  const open = (idNumber: string, password: string, url = t.url) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: OPEN, variables: { input: { idNumber, password } } }),
    }).then(async (r) => (await r.json()) as { data?: any; errors?: Array<{ extensions: Record<string, any> }> });

  const statusOf = async (id: string) =>
    (await t.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [id]))[0].status as string;

  it('registers an iKey application with the CN of the policy, audited, for tellers only', async () => {
    const customer = SEED_CUSTOMERS[1];
    const first = await register(customer);
    const second = await register(customer, 'PC');
    expect(first).toMatchObject({ status: 'REGISTERED', medium: 'IKEY', certType: 'FXML', tellerUsername: 'teller01' });
    expect(first.commonName).toBe(`${customer.idNumber}-00-${cnDay()}`);
    expect(second.commonName).toBe(`${customer.idNumber}-01-${cnDay()}`);
    const [event] = await t.dataSource.query(
      "SELECT actor_role, `after` FROM audit_events WHERE action = 'APPLICATION_REGISTERED' AND target_id = ?",
      [first.id],
    );
    expect(event.actor_role).toBe('TELLER');
    expect(JSON.parse(event.after)).toMatchObject({ commonName: first.commonName, medium: 'IKEY' });

    const denied = await t.gql(
      REGISTER,
      { input: { customerId: customer.id, medium: 'PC', email: customer.email } },
      { token: supervisor },
    );
    expect(denied.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const bad = await t.gql(
      REGISTER,
      { input: { customerId: customer.id, medium: 'PC', email: 'not-an-address', certType: 'FEDI' } },
      { token: teller },
    );
    expect(bad.body.errors![0].extensions.fields.map((f: { code: string }) => f.code).sort()).toEqual([
      'EMAIL_INVALID',
      'FIELD_INVALID',
    ]);
    const seen = await t.gql(LIST, { filter: { customerId: customer.id } }, { token: supervisor });
    expect(seen.body.data!.applications.total).toBe(2);
    const other = await t.gql(LIST, { filter: { customerId: customer.id } }, { token: tellerTaichung });
    expect(other.body.data!.applications.total).toBe(0);
  });

  it('prints the notice once: the password is in the PDF only, the application is NOTICE_PRINTED', async () => {
    const app = await register(SEED_CUSTOMERS[2]);
    const res = await print(app.id);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = pdfText(res.pdf);
    expect(text).toContain('憑證密碼通知書');
    expect(text).toContain(app.commonName);
    expect(text).toContain('A1****7552');
    expect(res.password).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);

    const { body } = await t.gql(SHOW, { id: app.id }, { token: supervisor });
    expect(body.data!.application).toMatchObject({
      status: 'NOTICE_PRINTED',
      notice: { failedTries: 0, triesLeft: 5 },
    });
    expect(JSON.stringify(body)).not.toContain(res.password);

    const again = await printNotice(t.url, teller, app.id);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'APPLICATION_NOTICE_ALREADY_PRINTED' });
    expect(again.json!.message).toContain('不可重複列印');

    const [event] = await t.dataSource.query(
      "SELECT `after` FROM audit_events WHERE action = 'APPLICATION_NOTICE_PRINTED' AND target_id = ?",
      [app.id],
    );
    expect(JSON.parse(event.after).noticeNumber).toBe(body.data!.application.notice.noticeNumber);
    expect(event.after).not.toContain(res.password);
  });

  it('refuses printing by a supervisor or by a teller of another branch, and changes nothing', async () => {
    const app = await register(SEED_CUSTOMERS[3], 'PC');
    expect((await printNotice(t.url, supervisor, app.id)).json).toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await printNotice(t.url, tellerTaichung, app.id);
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ code: 'OUT_OF_BRANCH' });
    expect((await printNotice(t.url, 'not-a-token', app.id)).status).toBe(401);
    expect(await statusOf(app.id)).toBe('REGISTERED');
    const [{ n }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM application_passwords WHERE application_id = ?',
      [app.id],
    );
    expect(Number(n)).toBe(0);

    // A print button that sends no body at all still prints.
    const bare = await fetch(`${t.url}/documents/applications/${app.id}/notice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teller}` },
    });
    expect(bare.status).toBe(200);
    printed.push(passwordOnNotice(Buffer.from(await bare.arrayBuffer())));
    const malformed = await printNotice(t.url, teller, app.id, { reissue: 'yes' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('opens the application with the right password: a ticket that is no staff session', async () => {
    const customer = SEED_CUSTOMERS[4];
    const app = await register(customer, 'EZSIGN');
    const { password } = await print(app.id);
    const opened = await open(customer.idNumber.toLowerCase(), password.toLowerCase().replace(/(.{4})/g, '$1 '));
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openApplication.application).toMatchObject({ id: app.id, status: 'NOTICE_PRINTED' });
    const asStaff = await t.gql(LIST, {}, { token: opened.data.openApplication.ticket });
    expect(asStaff.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired password and marks the application EXPIRED', async () => {
    const customer = SEED_CUSTOMERS[6];
    const app = await register(customer, 'PC');
    const { password } = await print(app.id);
    await t.dataSource.query(
      'UPDATE application_passwords SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE application_id = ?',
      [app.id],
    );
    const res = await open(customer.idNumber, password);
    expect(res.errors![0].extensions.code).toBe('APPLICATION_PASSWORD_EXPIRED');
    expect(await statusOf(app.id)).toBe('EXPIRED');
    expect((await open(customer.idNumber, password)).errors![0].extensions.code).toBe('APPLICATION_PASSWORD_EXPIRED');
  });

  it('sweeps notices past their validity to EXPIRED, audited; a new notice can then be printed', async () => {
    const customer = SEED_CUSTOMERS[9];
    const app = await register(customer, 'PC');
    await print(app.id);
    const passwords = t.app.get(ApplicationPasswordService);
    await expect(passwords.expireDue(systemContext())).resolves.toBe(0);
    await t.dataSource.query(
      'UPDATE application_passwords SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE application_id = ?',
      [app.id],
    );
    await expect(passwords.expireDue(systemContext())).resolves.toBe(1);
    expect(await statusOf(app.id)).toBe('EXPIRED');
    const [event] = await t.dataSource.query(
      "SELECT actor_type, `after` FROM audit_events WHERE action = 'APPLICATION_EXPIRED' AND target_id = ?",
      [app.id],
    );
    expect(event.actor_type).toBe('SYSTEM');
    expect(JSON.parse(event.after).status).toBe('EXPIRED');
    const { password } = await print(app.id);
    expect((await open(customer.idNumber, password)).errors).toBeUndefined();
  });

  it('reissue kills the old password at once', async () => {
    const customer = SEED_CUSTOMERS[7];
    const app = await register(customer);
    const old = await print(app.id);
    const { body } = await t.gql(SHOW, { id: app.id }, { token: teller });
    const renewed = await print(app.id, { reissue: true, version: body.data!.application.version });
    expect(renewed.password).not.toBe(old.password);
    const refused = await open(customer.idNumber, old.password);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'APPLICATION_PASSWORD_WRONG',
      params: { triesLeft: 4 },
    });
    expect((await open(customer.idNumber, renewed.password)).errors).toBeUndefined();
    const rows = await t.dataSource.query(
      'SELECT retired_at FROM application_passwords WHERE application_id = ? ORDER BY created_at',
      [app.id],
    );
    expect(rows.map((r: { retired_at: Date | null }) => r.retired_at === null)).toEqual([false, true]);
    const [event] = await t.dataSource.query(
      "SELECT `before`, `after` FROM audit_events WHERE action = 'APPLICATION_NOTICE_REISSUED' AND target_id = ?",
      [app.id],
    );
    expect(JSON.parse(event.before).noticeNumber).not.toBe(JSON.parse(event.after).noticeNumber);
  });

  it('cancels an application with its version; the password dies with it', async () => {
    const customer = SEED_CUSTOMERS[8];
    const app = await register(customer, 'PC');
    const { password } = await print(app.id);
    const stale = await t.gql(CANCEL, { id: app.id, version: 1 }, { token: teller });
    expect(stale.body.errors![0].extensions.code).toBe('STALE_UPDATE');
    const { body } = await t.gql(SHOW, { id: app.id }, { token: teller });
    const cancelled = await t.gql(CANCEL, { id: app.id, version: body.data!.application.version }, { token: teller });
    expect(cancelled.body.data!.cancelApplication.status).toBe('CANCELLED');
    expect((await open(customer.idNumber, password)).errors![0].extensions.code).toBe('APPLICATION_PASSWORD_WRONG');
    const again = await t.gql(CANCEL, { id: app.id, version: body.data!.application.version + 1 }, { token: teller });
    expect(again.body.errors![0].extensions.code).toBe('INVALID_STATE_TRANSITION');
  });

  // Last of the HTTP cases: passport keeps one strategy per process, so once the extra API instances
  // below are closed the suite's own instance can no longer check sessions.
  it('locks the application after 5 wrong passwords, counted in the database across an API restart', async () => {
    const customer = SEED_CUSTOMERS[5];
    const app = await register(customer);
    const { password } = await print(app.id);

    const first = await createApp();
    await first.listen(0, '127.0.0.1');
    const firstUrl = `http://127.0.0.1:${(first.getHttpServer().address() as { port: number }).port}`;
    for (const left of [4, 3, 2]) {
      const res = await open(customer.idNumber, 'WRONG2345678', firstUrl);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'APPLICATION_PASSWORD_WRONG',
        params: { triesLeft: left },
      });
    }
    await first.close();

    const second = await createApp();
    await second.listen(0, '127.0.0.1');
    const secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    try {
      const fourth = await open(customer.idNumber, 'WRONG2345678', secondUrl);
      expect(fourth.errors![0].extensions).toMatchObject({ params: { triesLeft: 1 } });
      const fifth = await open(customer.idNumber, 'WRONG2345678', secondUrl);
      expect(fifth.errors![0].extensions.code).toBe('APPLICATION_LOCKED');
      // Now even the right password is refused.
      const right = await open(customer.idNumber, password, secondUrl);
      expect(right.errors![0].extensions.code).toBe('APPLICATION_LOCKED');
      expect(await statusOf(app.id)).toBe('LOCKED');
      const [{ failed_tries }] = await t.dataSource.query(
        'SELECT failed_tries FROM application_passwords WHERE application_id = ? AND retired_at IS NULL',
        [app.id],
      );
      expect(failed_tries).toBe(5);

      // A locked application gets a new notice; the new password works.
      const reissued = await printNotice(secondUrl, teller, app.id);
      const newPassword = passwordOnNotice(reissued.pdf);
      printed.push(newPassword);
      expect((await open(customer.idNumber, newPassword, secondUrl)).errors).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('stores only slow hashes: no printed password is anywhere in a mysqldump of the database', async () => {
    expect(printed.length).toBeGreaterThanOrEqual(6);
    const hashes = await t.dataSource.query('SELECT password_hash FROM application_passwords');
    for (const { password_hash } of hashes) expect(password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
    const dump = mysqldump();
    expect(dump).toContain('INSERT INTO `application_passwords`');
    for (const password of printed) {
      expect(dump).not.toContain(password);
      expect(dump.toUpperCase()).not.toContain(password.replace(/(.{4})(?!$)/g, '$1 '));
    }
  });
});
