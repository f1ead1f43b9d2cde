import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pdfText } from '@app/pdf/pdf-text';
import type { Page, Response } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { passwordOnNotice } from '../support/notice-pdf';
import { TestApp } from '../support/test-app';

interface Captured {
  readonly url: string;
  readonly type: string;
  readonly body: Buffer;
}

/**
 * A teller registers a customer with a Chinese name, an iKey application for them, and prints the
 * password notice. Every response the browser receives is kept: the password may be in the PDF and
 * nowhere else.
 */
describe('counter: application and password notice in Chromium', () => {
  let t: TestApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const responses: Promise<Captured | null>[] = [];
  /** The notice as the API sent it, taken on the wire (Chromium hands a fetched body to the page, not to us). */
  const notices: Buffer[] = [];

  beforeAll(async () => {
    t = await TestApp.start('browser-counter-notice');
    browser = await launchChromium();
    page = browser.page;
    const keep = (response: Response) =>
      responses.push(
        response
          .body()
          .then((body) => ({ url: response.url(), type: response.headers()['content-type'] ?? '', body }))
          .catch(() => null),
      );
    browser.context.on('response', keep);
    await browser.context.route('**/documents/**', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      notices.push(body);
      await route.fulfill({ response, body });
    });
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('registers the customer and an iKey application, prints the notice, and shows the new status', async () => {
    await page.goto(t.url);
    await page.getByLabel(/^帳號/).fill('teller01');
    await page.getByLabel(/^密碼/).fill('Teller01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByTestId('query-date').waitFor();

    await page.getByRole('menuitem', { name: '客戶' }).click();
    await page.getByRole('link', { name: '新增' }).click();
    await page.getByLabel(/^證號\s*\*?$/).fill('A123456789');
    await page.getByLabel(/^姓名/).fill('歐陽美玲');
    await page.getByLabel('電子郵件').fill('ouyang.meiling@example.com.tw');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('link', { name: '新增申請' }).click();

    await page.getByRole('link', { name: '歐陽美玲（A123456789）' }).waitFor();
    await expect(page.getByLabel(/^電子郵件/).inputValue()).resolves.toBe('ouyang.meiling@example.com.tw');
    await page.getByLabel('iKey 載具').check();
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('button', { name: '列印密碼通知書' }).waitFor();
    const [application] = await t.dataSource.query(
      "SELECT a.id, a.common_name, a.status, a.medium FROM counter_applications a JOIN customers c ON c.id = a.customer_id WHERE c.id_number = 'A123456789'",
    );
    expect(application).toMatchObject({ status: 'REGISTERED', medium: 'IKEY' });
    await page.getByText(application.common_name).first().waitFor();

    const printed = page.waitForResponse((r) => r.url().endsWith(`/documents/applications/${application.id}/notice`));
    await page.getByRole('button', { name: '列印密碼通知書' }).click();
    expect((await printed).status()).toBe(200);
    await page.getByText('通知書已列印', { exact: true }).waitFor();
    await page.getByRole('button', { name: '重新產生密碼' }).waitFor();
    expect(
      (await t.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [application.id]))[0],
    ).toEqual({ status: 'NOTICE_PRINTED' });

    // Network responses only: the blob: and viewer URLs are the browser showing that same PDF.
    const captured = (await Promise.all(responses)).filter((c): c is Captured => c !== null && /^https?:/.test(c.url));
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    const text = pdfText(notice);
    expect(text).toContain('憑證密碼通知書');
    expect(text).toContain(application.common_name);
    expect(text).toContain('A1****6789');
    expect(text).toContain('歐陽美玲');

    const password = passwordOnNotice(notice);
    const forms = [password, password.replace(/(.{4})(?!$)/g, '$1 '), password.toLowerCase()];
    const others = captured.filter((c) => !c.url.includes('/documents/'));
    // The bodies really were read: the application's own responses carry its CN.
    expect(others.some((c) => c.url.endsWith('/graphql') && c.body.includes(application.common_name))).toBe(true);
    expect(others.length).toBeGreaterThan(10);
    for (const response of others) {
      const body = response.body.toString('utf8');
      for (const form of forms)
        expect({ url: response.url, found: body.includes(form) }).toEqual({ url: response.url, found: false });
    }
    const html = await page.content();
    for (const form of forms) expect(html).not.toContain(form);
  });
});
