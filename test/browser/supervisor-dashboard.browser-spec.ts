import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Certificate } from '@app/api/certificate/certificate.entity';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, screenshotAfterEach } from '../support/browser';
import { CounterFixture } from '../support/counter-fixture';
import { printNotice } from '../support/notice-pdf';

const customer = SEED_CUSTOMERS[6];
const other = SEED_CUSTOMERS[7];
const applicant = SEED_CUSTOMERS[8];
const SUSPEND = `mutation($id: ID!, $version: Int!) { suspendCertificate(id: $id, version: $version) { status } }`;
const REGISTER_APPLICATION = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }`;
const REQUEST_UNSUSPEND = `mutation($input: RequestUnsuspendInput!) { requestUnsuspend(input: $input) { id } }`;

/**
 * A supervisor's morning: the dashboard shows a held certificate and a request waiting; the figure
 * opens exactly that certificate; approving the request changes the figures the dashboard shows.
 */
describe('supervisors’ dashboard in Chromium', () => {
  let f: CounterFixture;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let held: Certificate;
  let valid: Certificate;

  beforeAll(async () => {
    f = await CounterFixture.start('browser_dashboard');
    held = await f.issue({ customerId: customer.id, idNumber: customer.idNumber });
    valid = await f.issue({ customerId: other.id, idNumber: other.idNumber });
    const teller = await f.t.signIn('teller01');
    const suspended = await f.t.gql(SUSPEND, { id: held.id, version: held.version }, { token: teller });
    expect(suspended.body.errors).toBeUndefined();
    const asked = await f.t.gql(
      REQUEST_UNSUSPEND,
      {
        input: { certificateId: held.id, documentType: 'PASSPORT', seenInPerson: true, note: '客戶持護照臨櫃申請解禁' },
      },
      { token: teller },
    );
    expect(asked.body.errors).toBeUndefined();
    const registered = await f.t.gql(
      REGISTER_APPLICATION,
      { input: { customerId: applicant.id, medium: 'PC', email: applicant.email } },
      { token: teller },
    );
    expect((await printNotice(f.t.url, teller, registered.body.data!.registerApplication.id)).status).toBe(200);
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  const figure = (id: string) => page.getByTestId(`figure-${id}`);
  const home = async () => {
    await page.getByRole('menuitem', { name: '首頁' }).click();
    await page.getByTestId('certificates-by-status').waitFor();
  };

  it('shows the held certificate in the count, and the figure opens exactly that certificate', async () => {
    await page.goto(f.t.url);
    await page.getByLabel(/^帳號/).fill('supervisor01');
    await page.getByLabel(/^密碼/).fill('Supervisor01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByTestId('query-date').waitFor();
    await page.getByTestId('certificates-by-status').waitFor();

    await expect(figure('certificates-SUSPENDED').textContent()).resolves.toBe('1');
    await expect(figure('certificates-ACTIVE').textContent()).resolves.toBe('1');
    await expect(figure('approvals-PENDING').textContent()).resolves.toBe('1');
    await expect(figure('applications-NOTICE_PRINTED').textContent()).resolves.toBe('1');
    // The chart is drawn, and the same figures are there as text for those who read rather than look.
    await expect(page.getByTestId('certificates-by-status').locator('svg').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: '暫禁 1' }).count()).resolves.toBe(1);
    // Who asked and why, with the date in the ROC calendar.
    const queue = page.getByTestId('pending-approvals');
    await expect(queue.textContent()).resolves.toContain('客戶持護照臨櫃申請解禁');
    await expect(queue.textContent()).resolves.toMatch(/於 1\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d 送出/);
    await expect(page.getByTestId('figures-queried-at').textContent()).resolves.toMatch(/^1\d\d\/\d\d\/\d\d /);

    await figure('certificates-SUSPENDED').click();
    await page.getByRole('cell', { name: held.commonName }).waitFor();
    await expect(page.getByRole('cell', { name: valid.commonName }).count()).resolves.toBe(0);
    expect(decodeURIComponent(page.url())).toContain('"status":"SUSPENDED"');
  });

  it('approves the waiting unsuspend from the queue, and the dashboard counts change', async () => {
    await home();
    await screenshot(page, 'supervisor-dashboard-before-approval');
    await figure('approvals-PENDING').click();
    const row = page.getByRole('row').filter({ hasText: customer.name });
    await row.getByRole('button', { name: '核准' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /確認|確定/ })
      .click();
    await page.getByText('已核准，憑證恢復有效。').waitFor();

    await home();
    await page.getByTestId('figure-certificates-SUSPENDED').getByText('0', { exact: true }).waitFor();
    await expect(figure('certificates-ACTIVE').textContent()).resolves.toBe('2');
    await expect(figure('approvals-PENDING').textContent()).resolves.toBe('0');
    const [cert] = await f.t.dataSource.query('SELECT status FROM certificates WHERE id = ?', [held.id]);
    expect(cert.status).toBe('ACTIVE');
  });

  it('sends an expiry reminder for the selected certificates and records it for each', async () => {
    // The list keeps the dashboard's SUSPENDED filter; a person would clear it.
    await page.getByRole('menuitem', { name: '憑證' }).click();
    await page.getByRole('button', { name: '清除篩選條件' }).click();
    await page.getByRole('cell', { name: held.commonName }).waitFor();
    await page.getByRole('row').filter({ hasText: held.commonName }).getByRole('checkbox').check();
    await page.getByRole('row').filter({ hasText: valid.commonName }).getByRole('checkbox').check();
    await page.getByRole('button', { name: '寄送到期通知' }).click();
    await page.getByText('已寄送 2 張憑證的到期通知。').waitFor();
    const events = await f.t.dataSource.query(
      "SELECT target_id FROM audit_events WHERE action = 'EXPIRY_REMINDER_SENT' ORDER BY target_id",
    );
    expect(events.map((e: { target_id: string }) => e.target_id)).toEqual([held.id, valid.id].sort());
    const mail = await f.t.dataSource.query('SELECT recipient FROM mail_outbox ORDER BY recipient');
    expect(mail.map((m: { recipient: string }) => m.recipient)).toEqual([customer.email, other.email].sort());
  });

  it('opens the day’s reconciliation for the branch', async () => {
    await page.getByRole('menuitem', { name: '日結對帳' }).click();
    const row = page.getByTestId('reconciliation-0060000');
    await row.waitFor();
    await expect(row.locator('[data-figure="noticesPrinted"]').textContent()).resolves.toBe('1');
    await expect(row.locator('[data-figure="applicationsRegistered"]').textContent()).resolves.toBe('1');
    await expect(row.locator('[data-figure="proofSheetsPrinted"]').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('reconciliation-0060123').count()).resolves.toBe(0);
  });
});
