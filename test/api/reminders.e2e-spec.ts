import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { CounterApplication } from '@app/api/application/counter-application.entity';
import { AuditQueryService } from '@app/api/audit/audit-query.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { ExpiryReminderJob } from '@app/api/reminder/expiry-reminder.job';
import { ExpiryReminderService } from '@app/api/reminder/expiry-reminder.service';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { TestApp } from '../support/test-app';

const DAY = 86_400_000;
const TELLER01 = SEED_STAFF.find((s) => s.username === 'teller01')!.id;

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtp(
  port = 0,
  inbox: Received[] = [],
): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(Buffer.concat(chunks)) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, inbox };
}

/** Just enough MIME for nodemailer's single-part text mail: encoded-word subject, base64 or QP body. */
function decodeMail(raw: Buffer): { subject: string; text: string } {
  const source = raw.toString('latin1');
  const split = source.indexOf('\r\n\r\n');
  const headers = source.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1] ?? '';
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(qp(data.replace(/_/g, ' ')), 'latin1').toString('utf8'),
    );
  const body = source.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(qp(body.replace(/=\r\n/g, '')), 'latin1').toString('utf8')
        : Buffer.from(body, 'latin1').toString('utf8');
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

function qp(s: string): string {
  return s.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A certificate of a seeded customer, issued from a counter application with its own e-mail address. */
async function certificate(
  t: TestApp,
  opts: { customer?: number; branchId?: string; email?: string; expiresInDays: number; status?: string },
): Promise<string> {
  const customer = SEED_CUSTOMERS[opts.customer ?? 0];
  const branchId = opts.branchId ?? SEED_BRANCH_IDS.HEAD_OFFICE;
  const applicationId = randomUUID();
  await t.dataSource.getRepository(CounterApplication).insert({
    id: applicationId,
    customerId: customer.id,
    certType: 'FXML',
    medium: 'PC',
    email: opts.email ?? 'applied@example.com.tw',
    commonName: `${customer.idNumber}-00-${applicationId.slice(0, 6)}`,
    cnSequence: 0,
    tellerId: TELLER01,
    branchId,
    status: 'ISSUED',
    statusChangedAt: new Date(),
  });
  const id = randomUUID();
  await t.dataSource.getRepository(Certificate).insert({
    id,
    serialHex: randomBytes(16).toString('hex'),
    subjectDn: `CN=${customer.idNumber}-00-261124`,
    commonName: `${customer.idNumber}-00-261124`,
    usage: 'SIGNING',
    medium: 'PC',
    customerId: customer.id,
    applicationId,
    branchId,
    status: (opts.status ?? 'ISSUED') as Certificate['status'],
    statusChangedAt: new Date(),
    notBefore: new Date(Date.now() - 300 * DAY),
    notAfter: new Date(Date.now() + opts.expiresInDays * DAY),
  });
  return id;
}

const remindersOf = async (t: TestApp, certificateId: string) =>
  (await t.dataSource.query(
    'SELECT threshold_days AS days, recipient FROM expiry_reminders WHERE certificate_id = ? ORDER BY threshold_days',
    [certificateId],
  )) as Array<{ days: number; recipient: string }>;

describe('expiry reminders over SMTP (MariaDB, local SMTP server)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let service: ExpiryReminderService;
  let job: ExpiryReminderJob;

  beforeAll(async () => {
    smtp = await startSmtp();
    Object.assign(process.env, {
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: '測試銀行憑證服務 <cert@bank.example.com.tw>',
      REMINDER_THRESHOLDS_DAYS: '30,7',
      REMINDER_INTERVAL_MS: '0',
    });
    t = await TestApp.start('reminders');
    service = t.app.get(ExpiryReminderService);
    job = t.app.get(ExpiryReminderJob);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    for (const k of ['MAIL_TRANSPORT', 'SMTP_URL', 'MAIL_FROM', 'REMINDER_THRESHOLDS_DAYS', 'REMINDER_INTERVAL_MS']) {
      delete process.env[k];
    }
  });

  it('mails a month ahead, in zh-TW, to the address given at application, once', async () => {
    const soon = await certificate(t, { expiresInDays: 20, email: 'mei.applied@example.com.tw' });
    const later = await certificate(t, { customer: 1, expiresInDays: 60 });
    const revoked = await certificate(t, { customer: 2, expiresInDays: 10, status: 'REVOKED' });

    await expect(job.run()).resolves.toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(smtp.inbox).toHaveLength(1);
    const [mail] = smtp.inbox;
    expect(mail.to).toEqual(['mei.applied@example.com.tw']);
    const [{ not_after: notAfter }] = await t.dataSource.query('SELECT not_after FROM certificates WHERE id = ?', [
      soon,
    ]);
    const roc = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
      timeZone: 'Asia/Taipei',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(new Date(notAfter));
    const [y, m, d] = ['year', 'month', 'day'].map((type) => Number(roc.find((p) => p.type === type)!.value));
    expect(mail.subject).toBe(`【憑證到期通知】您的 FXML 憑證將於民國${y}年${m}月${d}日到期`);
    expect(mail.text).toContain('王小明 您好：');
    expect(mail.text).toContain('U139514691-00-261124');
    expect(mail.text).toContain('20 天後到期');
    expect(mail.text).toContain('憑證更新');
    expect(await remindersOf(t, soon)).toEqual([{ days: 30, recipient: 'mei.applied@example.com.tw' }]);
    expect(await remindersOf(t, later)).toEqual([]);
    expect(await remindersOf(t, revoked)).toEqual([]);

    await expect(job.run()).resolves.toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(smtp.inbox).toHaveLength(1);
  });

  it('sends the next threshold’s reminder once that threshold is crossed, and only the tightest one', async () => {
    const [{ id: soon }] = await t.dataSource.query(
      "SELECT c.id FROM certificates c JOIN counter_applications a ON a.id = c.application_id WHERE a.email = 'mei.applied@example.com.tw'",
    );
    // Never reminded before, and only three days left by then: the 7-day reminder alone, not the 30-day one too.
    const fresh = await certificate(t, { customer: 3, expiresInDays: 19, email: 'late@example.com.tw' });
    const before = smtp.inbox.length;
    // Sixteen days on, the first certificate has four days left: it gets the 7-day reminder.
    await expect(service.runOnce(new Date(Date.now() + 16 * DAY))).resolves.toMatchObject({ sent: 2 });
    expect(
      smtp.inbox
        .slice(before)
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual(['late@example.com.tw', 'mei.applied@example.com.tw']);
    expect((await remindersOf(t, soon)).map((r) => r.days)).toEqual([7, 30]);
    expect((await remindersOf(t, fresh)).map((r) => r.days)).toEqual([7]);
  });

  it('sends exactly one mail when two instances run the job at the same moment', async () => {
    const id = await certificate(t, { customer: 4, expiresInDays: 25, email: 'twice@example.com.tw' });
    const runs = await Promise.all([job.run('instance-a'), job.run('instance-b')]);
    expect(runs.filter((r) => r === null)).toHaveLength(1);
    expect(smtp.inbox.filter((mail) => mail.to[0] === 'twice@example.com.tw')).toHaveLength(1);
    expect(await remindersOf(t, id)).toHaveLength(1);
  });

  it('still sends one mail when the lease is bypassed and two passes race (the unique key decides)', async () => {
    const id = await certificate(t, { customer: 5, expiresInDays: 25, email: 'race@example.com.tw' });
    const runs = await Promise.all([service.runOnce(), service.runOnce(), service.runOnce()]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(smtp.inbox.filter((mail) => mail.to[0] === 'race@example.com.tw')).toHaveLength(1);
    expect(await remindersOf(t, id)).toHaveLength(1);
  });

  it('records nothing while SMTP is down, and sends on the next run', async () => {
    const id = await certificate(t, { customer: 0, expiresInDays: 12, email: 'retry@example.com.tw' });
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await expect(service.runOnce()).resolves.toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(await remindersOf(t, id)).toEqual([]);
    // The transport was built from SMTP_URL at boot: the server comes back on the same port.
    smtp = await startSmtp(smtp.port, smtp.inbox);
    await expect(service.runOnce()).resolves.toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.inbox.filter((mail) => mail.to[0] === 'retry@example.com.tw')).toHaveLength(1);
  });

  it('audits every reminder sent, as the system, in the certificate’s branch, on an intact chain', async () => {
    const events = await t.dataSource.query(
      "SELECT actor_type, branch_code, target_type FROM audit_events WHERE action = 'EXPIRY_REMINDER_SENT'",
    );
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM expiry_reminders');
    expect(events).toHaveLength(Number(n));
    expect(events[0]).toEqual({ actor_type: 'SYSTEM', branch_code: '0060000', target_type: 'Certificate' });
    expect((await t.app.get(AuditQueryService).verifyChain()).ok).toBe(true);
  });
});

const OUTBOX = `query { mailOutbox(take: 50) { total items { recipient subject body purpose branchId } } }`;

describe('expiry reminders into the local outbox (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    Object.assign(process.env, { MAIL_TRANSPORT: 'outbox', REMINDER_INTERVAL_MS: '0' });
    t = await TestApp.start('reminders-outbox');
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.MAIL_TRANSPORT;
    delete process.env.REMINDER_INTERVAL_MS;
  });

  it('keeps the mail in the outbox, shown to admins and to supervisors of the customer’s branch only', async () => {
    await certificate(t, {
      customer: 1,
      branchId: SEED_BRANCH_IDS.TAICHUNG,
      expiresInDays: 15,
      email: 'lin@example.com.tw',
    });
    await expect(t.app.get(ExpiryReminderJob).run()).resolves.toEqual({ sent: 1, skipped: 0, failed: 0 });
    const admin = (await t.gql(OUTBOX, {}, { token: await t.signIn('admin01') })).body;
    expect(admin.data!.mailOutbox.items).toEqual([
      expect.objectContaining({
        recipient: 'lin@example.com.tw',
        purpose: 'EXPIRY_REMINDER',
        branchId: SEED_BRANCH_IDS.TAICHUNG,
        subject: expect.stringMatching(/^【憑證到期通知】/),
        body: expect.stringContaining('林美華 您好：'),
      }),
    ]);
    const own = (await t.gql(OUTBOX, {}, { token: await t.signIn('supervisor02') })).body;
    expect(own.data!.mailOutbox.total).toBe(1);
    const other = (await t.gql(OUTBOX, {}, { token: await t.signIn('supervisor01') })).body;
    expect(other.data!.mailOutbox.total).toBe(0);
    const teller = (await t.gql(OUTBOX, {}, { token: await t.signIn('teller02') })).body;
    expect(teller.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});
