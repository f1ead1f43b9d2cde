import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { TestApp } from '../support/test-app';

/** A supervisor reads the branch's audit trail, opens one event's changes and downloads the CSV. */
describe('back office: audit trail in Chromium', () => {
  let t: TestApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    t = await TestApp.start('browser-audit');
    const teller = await t.signIn('teller01');
    const { body } = await t.gql(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { idNumber: 'A123456789', name: '張美玲', email: 'mei@example.com.tw' } },
      { token: teller },
    );
    expect(body.errors).toBeUndefined();
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the branch’s events, shows before and after, and exports the filtered list as CSV', async () => {
    await page.goto(t.url);
    await page.getByLabel(/^帳號/).fill('supervisor01');
    await page.getByLabel(/^密碼/).fill('Supervisor01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('menuitem', { name: '稽核紀錄' }).click();
    await page.getByLabel('動作').fill('CUSTOMER_CREATED');
    // The filter applies after the input's debounce, then shows in the address.
    await page.waitForURL(/CUSTOMER_CREATED/);
    await page.getByRole('row').filter({ hasText: 'STAFF_SIGNED_IN' }).first().waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'CUSTOMER_CREATED' });
    await row.first().waitFor();
    await expect(row.first().textContent()).resolves.toContain('teller01');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '匯出 CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('CUSTOMER_CREATED');
    expect(lines[1]).toContain('張美玲');

    await row.first().click();
    const changed = page.locator('tr[data-changed]').filter({ hasText: 'name' });
    await changed.waitFor();
    await expect(changed.textContent()).resolves.toContain('張美玲');
    await expect(page.getByText('變更內容').first().isVisible()).resolves.toBe(true);
  });

  it('shows the outbox menu to the supervisor but not the audit trail to a teller', async () => {
    await expect(page.getByRole('menuitem', { name: '寄件匣' }).isVisible()).resolves.toBe(true);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(t.url);
    await page.getByLabel(/^帳號/).fill('teller01');
    await page.getByLabel(/^密碼/).fill('Teller01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('menuitem', { name: '客戶' }).first().waitFor();
    expect(await page.getByRole('menuitem', { name: '稽核紀錄' }).count()).toBe(0);
  });
});
