import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Certificate } from '@app/api/certificate/certificate.entity';
import { randomUUID } from 'node:crypto';
import { CounterFixture } from '../support/counter-fixture';
import { printNotice } from '../support/notice-pdf';

const FIGURES = `
  branch { code }
  certificatesByStatus { status count }
  expiring30 expiring60 suspendedOver
  applicationsNoticePrinted applicationsLocked applicationsExpired
  tokensLocked tokensLost pendingApprovals oldestPendingAt`;
const DASHBOARD = `query($branchId: ID) {
  dashboard(branchId: $branchId) {
    ${FIGURES}
    queriedAt expiringFrom expiring30Until expiring60Until suspendedDays suspendedBefore
    perBranch { ${FIGURES} }
  }
}`;
const RECONCILIATION = `query($date: String!, $branchId: ID) {
  reconciliation(date: $date, branchId: $branchId) {
    date from to
    branches { branch { code } noticesPrinted noticesReprinted applicationsRegistered applicationsCompleted proofSheetsPrinted }
  }
}`;
const BULK_REMIND = `mutation($ids: [ID!]!) { bulkRemind(certificateIds: $ids) { done refused { id code message } } }`;
const SUSPEND = `mutation($id: ID!, $version: Int!) { suspendCertificate(id: $id, version: $version) { status } }`;
const REQUEST_UNSUSPEND = `mutation($input: RequestUnsuspendInput!) { requestUnsuspend(input: $input) { id } }`;
const REGISTER_TOKEN = `mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id version } }`;
const TOKEN_LOST = `mutation($id: ID!, $version: Int!) { reportTokenLost(id: $id, version: $version) { status } }`;
const REGISTER_APPLICATION = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }`;
const OPEN_APPLICATION = `mutation($input: OpenApplicationInput!) { openApplication(input: $input) { ticket } }`;
const CERTIFICATES = `query($filter: CertificateFilter) { certificates(filter: $filter) { total } }`;
const APPLICATIONS = `query($filter: ApplicationFilter) { applications(filter: $filter) { total } }`;
const TOKENS = `query($filter: TokenFilter) { tokens(filter: $filter) { total } }`;

type Figures = {
  branch: { code: string } | null;
  certificatesByStatus: Array<{ status: string; count: number }>;
  expiring30: number;
  expiring60: number;
  suspendedOver: number;
  applicationsNoticePrinted: number;
  applicationsLocked: number;
  applicationsExpired: number;
  tokensLocked: number;
  tokensLost: number;
  pendingApprovals: number;
  oldestPendingAt: string | null;
};
type Dashboard = Figures & {
  queriedAt: string;
  expiringFrom: string;
  expiring30Until: string;
  expiring60Until: string;
  suspendedDays: number;
  suspendedBefore: string;
  perBranch: Figures[];
};

const HO = SEED_BRANCH_IDS.HEAD_OFFICE;
const TC = SEED_BRANCH_IDS.TAICHUNG;
const [wang, lin, chen, huang] = SEED_CUSTOMERS;
const taichung = SEED_CUSTOMERS.filter((c) => c.homeBranchId === TC);
const DAY_MS = 86_400_000;
const taipeiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const byStatus = (f: Figures) => Object.fromEntries(f.certificatesByStatus.map((s) => [s.status, s.count]));

/**
 * The supervisors' figures against what the tables hold: states made through the real services
 * (issuance, counter suspend, unsuspend request, token lost, notices printed, wrong passwords), a
 * branch scope on every report, Taipei day boundaries, and bulk reminders audited row by row.
 */
describe('supervisors’ dashboard, reconciliation and bulk reminders (MariaDB)', () => {
  let f: CounterFixture;
  let teller: string;
  let tellerTC: string;
  let supervisor: string;
  let supervisorTC: string;
  let admin: string;
  let active: Certificate;
  let soon: Certificate;
  let later: Certificate;
  let heldLong: Certificate;
  let heldNew: Certificate;
  let tcActive: Certificate;
  let tcSoon: Certificate;

  const dashboard = async (token: string, branchId?: string) => {
    const { body } = await f.t.gql<{ dashboard: Dashboard }>(DASHBOARD, { branchId }, { token });
    expect(body.errors).toBeUndefined();
    return body.data!.dashboard;
  };
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { body } = await f.t.gql(query, variables, { token });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const sql = (text: string, params: unknown[] = []) => f.t.dataSource.query(text, params);

  beforeAll(async () => {
    f = await CounterFixture.start('reports', { DASHBOARD_SUSPENDED_DAYS: '10' });
    [teller, tellerTC, supervisor, supervisorTC, admin] = await Promise.all(
      ['teller01', 'teller02', 'supervisor01', 'supervisor02', 'admin01'].map((u) => f.t.signIn(u)),
    );
    const mine = (c: (typeof SEED_CUSTOMERS)[number], sequence: string, extra = {}) =>
      f.issue({ customerId: c.id, idNumber: c.idNumber, sequence, ...extra });
    active = await mine(wang, '00');
    soon = await mine(wang, '01');
    later = await mine(lin, '00');
    await mine(lin, '01', { status: 'ISSUED' });
    heldLong = await mine(chen, '00');
    heldNew = await mine(chen, '01');
    tcActive = await mine(taichung[0], '00', { branchId: TC });
    tcSoon = await mine(taichung[1], '00', { branchId: TC });

    // Expiry windows are Taipei days from today: 10 days is in both, 45 only in the 60-day one.
    const inDays = (n: number) => new Date(dayStart(taipeiDay(new Date())).getTime() + n * DAY_MS + 3_600_000);
    await sql('UPDATE certificates SET not_after = ? WHERE id IN (?, ?)', [inDays(10), soon.id, tcSoon.id]);
    await sql('UPDATE certificates SET not_after = ? WHERE id = ?', [inDays(45), later.id]);

    // Held at the counter through the real service; one of them since long ago.
    for (const c of [heldLong, heldNew]) {
      await ok(SUSPEND, { id: c.id, version: c.version }, teller);
    }
    await sql('UPDATE certificates SET status_changed_at = ? WHERE id = ?', [
      new Date(Date.now() - 20 * DAY_MS),
      heldLong.id,
    ]);
    await ok(
      REQUEST_UNSUSPEND,
      { input: { certificateId: heldNew.id, documentType: 'NATIONAL_ID_CARD', seenInPerson: true, note: '臨櫃' } },
      teller,
    );

    const token = await ok(
      REGISTER_TOKEN,
      { input: { customerId: huang.id, type: 'IKEY', serial: 'IK2026009901', serialSource: 'SCANNED' } },
      teller,
    );
    await ok(TOKEN_LOST, { id: token.registerToken.id, version: token.registerToken.version }, teller);

    // Two notices printed; the second application is then locked by wrong passwords at the kiosk.
    for (const c of [wang, lin]) {
      const app = await ok(REGISTER_APPLICATION, { input: { customerId: c.id, medium: 'PC', email: c.email } }, teller);
      expect((await printNotice(f.t.url, teller, app.registerApplication.id)).status).toBe(200);
    }
    for (let i = 0; i < 5; i += 1) {
      await f.t.gql(OPEN_APPLICATION, { input: { idNumber: lin.idNumber, password: 'WRONG2345678' } });
    }
  });
  afterAll(() => f?.close());

  it('shows what the tables hold for the branch, after changes made through the services', async () => {
    const d = await dashboard(supervisor);
    expect(d.branch).toEqual({ code: '0060000' });
    expect(byStatus(d)).toEqual({ PENDING: 0, ISSUED: 1, ACTIVE: 3, SUSPENDED: 2, REVOKED: 0, EXPIRED: 0 });
    expect(d).toMatchObject({
      expiring30: 1,
      expiring60: 2,
      suspendedDays: 10,
      suspendedOver: 1,
      applicationsNoticePrinted: 1,
      applicationsLocked: 1,
      applicationsExpired: 0,
      tokensLocked: 0,
      tokensLost: 1,
      pendingApprovals: 1,
      perBranch: [],
    });
    const [request] = await sql("SELECT requested_at FROM unsuspend_requests WHERE status = 'PENDING'");
    expect(new Date(d.oldestPendingAt!).getTime()).toBe(new Date(request.requested_at).getTime());

    // Every status count equals the rows, read independently.
    const rows: Array<{ status: string; n: string }> = await sql(
      'SELECT status, COUNT(*) AS n FROM certificates WHERE branch_id = ? GROUP BY status',
      [HO],
    );
    for (const r of rows) expect(byStatus(d)[r.status]).toBe(Number(r.n));
  });

  it('reflects a change made a moment ago', async () => {
    const before = await dashboard(supervisor);
    await ok(SUSPEND, { id: active.id, version: active.version }, teller);
    const after = await dashboard(supervisor);
    expect(byStatus(after).ACTIVE).toBe(byStatus(before).ACTIVE - 1);
    expect(byStatus(after).SUSPENDED).toBe(byStatus(before).SUSPENDED + 1);
    expect(new Date(after.queriedAt).getTime()).toBeGreaterThanOrEqual(new Date(before.queriedAt).getTime());
  });

  it('keeps tellers and supervisors to their branch; an admin sees the bank and each branch', async () => {
    const tc = await dashboard(tellerTC);
    expect(tc.branch).toEqual({ code: '0060123' });
    expect(byStatus(tc)).toMatchObject({ ACTIVE: 2, SUSPENDED: 0 });
    expect(tc).toMatchObject({ expiring30: 1, tokensLost: 0, applicationsNoticePrinted: 0, pendingApprovals: 0 });
    expect(await dashboard(supervisorTC, TC)).toEqual({
      ...tc,
      queriedAt: expect.any(String),
      suspendedBefore: expect.any(String),
    });

    for (const token of [supervisor, teller]) {
      const foreign = await f.t.gql(DASHBOARD, { branchId: TC }, { token });
      expect(foreign.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
      expect(foreign.body.data).toBeNull();
      const day = await f.t.gql(RECONCILIATION, { date: taipeiDay(new Date()), branchId: TC }, { token });
      expect(day.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
    }

    const bank = await dashboard(admin);
    expect(bank.branch).toBeNull();
    expect(bank.perBranch.map((b) => b.branch!.code)).toEqual(['0060000', '0060123']);
    const [ho, taichungRow] = bank.perBranch;
    expect(byStatus(taichungRow)).toEqual(byStatus(tc));
    expect(byStatus(ho)).toEqual(byStatus(await dashboard(supervisor)));
    for (const status of Object.keys(byStatus(bank))) {
      expect(byStatus(bank)[status]).toBe(byStatus(ho)[status] + byStatus(taichungRow)[status]);
    }
    const [{ n }] = await sql('SELECT COUNT(*) AS n FROM certificates');
    expect(bank.certificatesByStatus.reduce((s, c) => s + c.count, 0)).toBe(Number(n));
    expect(bank.expiring30).toBe(2);
    const one = await dashboard(admin, TC);
    expect(one).toMatchObject({ branch: { code: '0060123' }, perBranch: [] });
    expect(byStatus(one)).toEqual(byStatus(tc));
  });

  it('gives figures whose filtered lists hold the same rows (the click-through)', async () => {
    const d = await dashboard(supervisor);
    const total = async (query: string, filter: Record<string, unknown>) =>
      Object.values(await ok(query, { filter }, supervisor))[0].total as number;
    expect(await total(CERTIFICATES, { status: 'SUSPENDED', statusChangedBefore: d.suspendedBefore })).toBe(
      d.suspendedOver,
    );
    const window = (until: string) => ({
      status: 'ACTIVE',
      notAfterFrom: dayStart(d.expiringFrom).toISOString(),
      notAfterTo: new Date(dayStart(until).getTime() + DAY_MS).toISOString(),
    });
    expect(await total(CERTIFICATES, window(d.expiring30Until))).toBe(d.expiring30);
    expect(await total(CERTIFICATES, window(d.expiring60Until))).toBe(d.expiring60);
    for (const s of d.certificatesByStatus) expect(await total(CERTIFICATES, { status: s.status })).toBe(s.count);
    expect(await total(APPLICATIONS, { status: 'NOTICE_PRINTED' })).toBe(d.applicationsNoticePrinted);
    expect(await total(APPLICATIONS, { status: 'LOCKED' })).toBe(d.applicationsLocked);
    expect(await total(TOKENS, { status: 'LOST' })).toBe(d.tokensLost);
  });

  it('reconciles a Taipei day from the audit trail and the application rows', async () => {
    const [printed] = await sql("SELECT occurred_at FROM audit_events WHERE action = 'APPLICATION_NOTICE_PRINTED'");
    const day = taipeiDay(new Date(printed.occurred_at));
    const rows = async (token: string, date: string, branchId?: string) => {
      const data = await ok(RECONCILIATION, { date, branchId }, token);
      return data.reconciliation.branches as Array<Record<string, unknown> & { branch: { code: string } }>;
    };
    expect(await rows(supervisor, day)).toEqual([
      {
        branch: { code: '0060000' },
        noticesPrinted: 2,
        noticesReprinted: 0,
        applicationsRegistered: 2,
        applicationsCompleted: 0,
        proofSheetsPrinted: 0,
      },
    ]);
    const { reconciliation } = await ok(RECONCILIATION, { date: day }, admin);
    expect(new Date(reconciliation.from).toISOString()).toBe(dayStart(day).toISOString());
    expect(reconciliation.branches.map((b: { branch: { code: string } }) => b.branch.code)).toEqual([
      '0060000',
      '0060123',
    ]);
    expect(reconciliation.branches[1]).toMatchObject({ noticesPrinted: 0, applicationsRegistered: 0 });

    // The last millisecond of a Taipei day belongs to it; its midnight (16:00 UTC) to the next day.
    const [a, b] = await sql('SELECT id FROM counter_applications ORDER BY created_at, id');
    const next = taipeiDay(new Date(dayStart(day).getTime() + DAY_MS));
    const lastMs = new Date(dayStart(next).getTime() - 1);
    await sql('UPDATE counter_applications SET created_at = ? WHERE id = ?', [lastMs, a.id]);
    await sql(
      "UPDATE counter_applications SET created_at = ?, status = 'COMPLETED', status_changed_at = ? WHERE id = ?",
      [dayStart(next), dayStart(next), b.id],
    );
    expect((await rows(supervisor, day))[0]).toMatchObject({ applicationsRegistered: 1, applicationsCompleted: 0 });
    expect((await rows(supervisor, next))[0]).toMatchObject({
      applicationsRegistered: 1,
      applicationsCompleted: 1,
      noticesPrinted: 0,
    });
    expect((await rows(admin, next, HO))[0]).toMatchObject({ applicationsRegistered: 1 });
  });

  it('refuses a day that does not exist or is not written YYYY-MM-DD', async () => {
    const impossible = await f.t.gql(RECONCILIATION, { date: '2026-02-30' }, { token: supervisor });
    expect(impossible.body.errors![0].extensions.code).toBe('REPORT_DATE_INVALID');
    const slashed = await f.t.gql(RECONCILIATION, { date: '115/11/24' }, { token: supervisor });
    expect(slashed.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'date', code: 'REPORT_DATE_INVALID' }],
    });
  });

  it('sends reminders for the selected rows, audits each one, and reports the rows it refused', async () => {
    await sql('UPDATE customers SET email = NULL WHERE id = ?', [lin.id]);
    const audited = () =>
      sql("SELECT target_id, actor_id FROM audit_events WHERE action = 'EXPIRY_REMINDER_SENT' ORDER BY id");
    const unknown = randomUUID();
    const { body } = await f.t.gql(
      BULK_REMIND,
      { ids: [soon.id, heldLong.id, tcActive.id, unknown, later.id, soon.id] },
      { token: supervisor, lang: 'en' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.bulkRemind.done).toEqual([soon.id]);
    expect(body.data!.bulkRemind.refused).toEqual([
      { id: heldLong.id, code: 'REMINDER_CERTIFICATE_NOT_LIVE', message: expect.stringContaining('valid') },
      { id: tcActive.id, code: 'OUT_OF_BRANCH', message: expect.any(String) },
      { id: unknown, code: 'CERTIFICATE_NOT_FOUND', message: expect.any(String) },
      { id: later.id, code: 'REMINDER_NO_ADDRESS', message: expect.stringContaining('e-mail') },
    ]);
    const events = await audited();
    expect(events).toHaveLength(1);
    const [supervisorRow] = await sql("SELECT id FROM staff_users WHERE username = 'supervisor01'");
    expect(events[0]).toMatchObject({ target_id: soon.id, actor_id: supervisorRow.id });
    const mail = await sql("SELECT recipient, subject FROM mail_outbox WHERE purpose = 'EXPIRY_REMINDER'");
    expect(mail).toEqual([{ recipient: wang.email, subject: expect.stringContaining('憑證到期通知') }]);

    // Across branches for an admin: one event per row done.
    const bank = await ok(BULK_REMIND, { ids: [soon.id, tcActive.id] }, admin);
    expect(bank.bulkRemind).toEqual({ done: [soon.id, tcActive.id], refused: [] });
    expect((await audited()).map((e: { target_id: string }) => e.target_id)).toEqual([soon.id, soon.id, tcActive.id]);
  });

  it('leaves bulk reminders to supervisors and admins, and a page at most', async () => {
    const count = async () => Number((await sql('SELECT COUNT(*) AS n FROM mail_outbox'))[0].n);
    const before = await count();
    const asTeller = await f.t.gql(BULK_REMIND, { ids: [soon.id] }, { token: teller });
    expect(asTeller.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const tooMany = await f.t.gql(
      BULK_REMIND,
      { ids: Array.from({ length: 201 }, () => randomUUID()) },
      { token: supervisor, lang: 'en' },
    );
    expect(tooMany.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'certificateIds', code: 'BULK_TOO_MANY', message: 'At most 200 rows can be handled at once.' }],
    });
    expect(await count()).toBe(before);
  });
});
