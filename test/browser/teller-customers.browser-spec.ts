import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { TestApp } from '../support/test-app';

/**
 * A teller at the counter, in the built console served by the real API on MariaDB: signs in,
 * registers a customer with a Chinese name, finds them by ID, is told in zh-TW when an ID is
 * wrong, and switches the console to English.
 */
describe('teller console in Chromium', () => {
  let t: TestApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    t = await TestApp.start('browser-teller');
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in with the zh-TW sign-in page and lands on the dashboard', async () => {
    await page.goto(t.url);
    await expect(page.getByText('員工登入')).toBeTruthy();
    await page.getByLabel(/^帳號/).fill('teller01');
    await page.getByLabel(/^密碼/).fill('wrong-password-1');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByText('帳號或密碼錯誤。').waitFor();

    await page.getByLabel(/^密碼/).fill('Teller01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByText('陳雅惠').first().waitFor();
    await page.getByTestId('query-date').waitFor();
  });

  it('refuses an invalid ID with a clear zh-TW message and stores nothing', async () => {
    await page.getByRole('menuitem', { name: '客戶' }).click();
    await page.getByRole('link', { name: '新增' }).click();
    await page.getByLabel(/^證號\s*\*?$/).fill('A123456788');
    await page.getByLabel(/^姓名/).fill('陳大文');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByText('身分證統一編號或居留證號不正確，請確認英文字母與檢查碼。').waitFor();
    const rows = await t.dataSource.query("SELECT COUNT(*) AS n FROM customers WHERE name = '陳大文'");
    expect(Number(rows[0].n)).toBe(0);
  });

  it('registers the customer once the ID is right, and finds them by ID', async () => {
    await page.getByLabel(/^證號\s*\*?$/).fill('a123456789');
    await page.getByLabel('電子郵件').fill('chen.tawen@example.com.tw');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByText('A123456789').first().waitFor();
    const [row] = await t.dataSource.query(
      "SELECT id_number, name, email FROM customers WHERE id_number = 'A123456789'",
    );
    expect(row).toEqual({ id_number: 'A123456789', name: '陳大文', email: 'chen.tawen@example.com.tw' });

    await page.getByRole('menuitem', { name: '客戶' }).click();
    await page.getByLabel('證號或姓名').fill('A1234567');
    const result = page.getByRole('row').filter({ hasText: '陳大文' });
    await result.waitFor();
    await expect(result.getByText('A123456789').count()).resolves.toBe(1);
    await page.getByRole('row').filter({ hasText: '王小明' }).waitFor({ state: 'detached' });
  });

  it('answers a duplicate ID from the server with its message and a link to the FAQ answer', async () => {
    await page.getByRole('menuitem', { name: '客戶' }).click();
    await page.getByRole('link', { name: '新增' }).click();
    await page.getByLabel(/^證號\s*\*?$/).fill('U139514691');
    await page.getByLabel(/^姓名/).fill('王小明');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByText('此證號的客戶已存在。').waitFor();
    await page.getByRole('link', { name: '處理方式' }).click();
    await page.getByText('請以證號查詢既有客戶資料並直接使用，不需重新建立。').waitFor();
    expect(page.url()).toContain('faq');
    const rows = await t.dataSource.query("SELECT COUNT(*) AS n FROM customers WHERE id_number = 'U139514691'");
    expect(Number(rows[0].n)).toBe(1);
  });

  it('shows the query date in the ROC calendar, and in the Gregorian one on the switch', async () => {
    await page.getByRole('menuitem', { name: '首頁' }).click();
    const clock = page.getByTestId('query-clock');
    await expect(clock.textContent()).resolves.toMatch(/查詢日期 1\d\d\/\d\d\/\d\d\s*查詢時間 \d\d:\d\d:\d\d/);
    await page.getByRole('button', { name: '西元' }).click();
    await expect(clock.textContent()).resolves.toMatch(/查詢日期 20\d\d-\d\d-\d\d/);
    await page.getByRole('button', { name: '民國' }).click();
  });

  it('switches the console to English', async () => {
    await page.getByTestId('locale-switch').getByRole('button').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Customers' }).waitFor();
    await page.getByRole('menuitem', { name: 'Customers' }).click();
    await page.getByLabel('ID number or name').waitFor();
    await expect(page.getByTestId('query-clock').textContent()).resolves.toMatch(/Query date 1\d\d\/\d\d\/\d\d/);
  });
});
