import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Certificate } from '@app/api/certificate/certificate.entity';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { CounterFixture } from '../support/counter-fixture';

const customer = SEED_CUSTOMERS[3];

/**
 * 憑證解禁 with four eyes, as people do it: a teller finds the held certificate by the customer's
 * ID, records the identity check; a supervisor of the branch sees it waiting and approves it.
 */
describe('counter: unsuspend with a supervisor’s approval in Chromium', () => {
  let f: CounterFixture;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let held: Certificate;

  beforeAll(async () => {
    f = await CounterFixture.start('browser_unsuspend');
    held = await f.issue({ customerId: customer.id, idNumber: customer.idNumber, status: 'SUSPENDED' });
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  async function signIn(username: string, password: string) {
    await page.goto(f.t.url);
    await page.getByLabel(/^帳號/).fill(username);
    await page.getByLabel(/^密碼/).fill(password);
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByTestId('query-date').waitFor();
  }
  const requestStatus = async () =>
    (await f.t.dataSource.query('SELECT status FROM unsuspend_requests WHERE certificate_id = ?', [held.id])).map(
      (r: { status: string }) => r.status,
    );

  it('lets a teller find the held certificate and record the identity check, without releasing it', async () => {
    await signIn('teller01', 'Teller01!demo');
    await page.getByRole('menuitem', { name: '憑證' }).click();
    await page.getByLabel('客戶證號').fill(customer.idNumber);
    await page.getByRole('cell', { name: held.commonName }).click();
    await page.getByText('異動紀錄').waitFor();
    await expect(page.getByText('暫禁').first().isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: '解禁' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('請當面核對憑證').waitFor();
    await dialog.getByRole('button', { name: '送出覆核' }).click();
    await dialog.getByText('憑證解禁須由客戶本人臨櫃辦理').waitFor();
    expect(await requestStatus()).toEqual([]);

    await dialog.getByLabel('客戶本人臨櫃，且與證件相符').check();
    await dialog.getByLabel('備註').fill('客戶持身分證臨櫃');
    await dialog.getByRole('button', { name: '送出覆核' }).click();
    await page.getByTestId('unsuspend-pending').waitFor();
    await expect(page.getByRole('button', { name: '解禁' }).count()).resolves.toBe(0);
    expect(await requestStatus()).toEqual(['PENDING']);
    const [row] = await f.t.dataSource.query('SELECT status FROM certificates WHERE id = ?', [held.id]);
    expect(row.status).toBe('SUSPENDED');
  });

  it('shows the supervisor the waiting request with who asked; approving it makes the certificate valid', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await signIn('supervisor01', 'Supervisor01!demo');
    const menu = page.getByRole('menuitem', { name: '待覆核' });
    // the count arrives with its own query, after the menu itself
    await menu.getByTestId('approvals-pending').getByText('1', { exact: true }).waitFor();
    await menu.click();
    const row = page.getByRole('row').filter({ hasText: customer.name });
    await expect(row.textContent()).resolves.toContain('客戶持身分證臨櫃');
    await expect(row.textContent()).resolves.toContain('國民身分證');
    await row.getByRole('button', { name: '核准' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /確認|確定/ })
      .click();
    await page.getByText('已核准，憑證恢復有效。').waitFor();

    expect(await requestStatus()).toEqual(['APPROVED']);
    const [cert] = await f.t.dataSource.query('SELECT status FROM certificates WHERE id = ?', [held.id]);
    expect(cert.status).toBe('ACTIVE');
    expect(await f.crlEntry(held.serialHex)).toBeNull();

    await page.goto(`${f.t.url}/#/certificates/${held.id}/show`);
    await page.getByText('主管核准解禁').waitFor();
    await expect(page.getByText('申請憑證解禁').isVisible()).resolves.toBe(true);
  });
  it('registers a scanned token from the customer’s page; reporting it lost holds its certificate', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await signIn('teller01', 'Teller01!demo');
    await page.goto(`${f.t.url}/#/customers/${customer.id}/show`);
    await page.getByRole('link', { name: '登記載具' }).click();
    // The customer comes from the page the teller was on (loaded a moment later by the autocomplete).
    await page.waitForFunction(
      (idNumber) => [...document.querySelectorAll('input')].some((input) => input.value.startsWith(idNumber)),
      customer.idNumber,
    );
    // A barcode scanner types the serial into the focused field and presses Enter.
    await page.keyboard.type('IKBROWSER0001');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: 'IKBROWSER0001' }).waitFor();
    const [token] = await f.t.dataSource.query(
      "SELECT id, status, owner_customer_id FROM tokens WHERE serial = 'IKBROWSER0001'",
    );
    expect(token).toMatchObject({ status: 'ACTIVE', owner_customer_id: customer.id });
    const onToken = await f.issue({
      customerId: customer.id,
      idNumber: customer.idNumber,
      tokenId: token.id,
      sequence: '01',
    });

    const row = page.getByRole('row').filter({ hasText: 'IKBROWSER0001' });
    await row.getByRole('button', { name: '遺失' }).click();
    await page.getByRole('dialog').getByText('載具上所有有效的憑證會立即暫禁').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /確認|確定/ })
      .click();
    await page.getByText('已登記載具遺失，其憑證已暫禁。').waitFor();
    await expect(row.textContent()).resolves.toContain('遺失');
    const [held] = await f.t.dataSource.query('SELECT status FROM certificates WHERE id = ?', [onToken.id]);
    expect(held.status).toBe('SUSPENDED');
    expect(await f.crlEntry(onToken.serialHex)).toContain('Certificate Hold');
  });
});
