import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { applyUpToKeys, endSession, retryOnceSigned, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';
import { tokenObjectIds } from '../support/token-objects';

const PIN = '864209';
const CUSTOMER = SEED_CUSTOMERS[5];

/** 憑證更新 at the kiosk: a customer within a month of expiry renews the pair onto the same iKey. */
describe('kiosk: renewal on an iKey in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let serial: string;

  /** From the service menu to 查詢我的憑證's table, proven with the token's PIN. */
  async function myCertificates(): Promise<void> {
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
  }

  /** Moves the customer's certificates to `days` before expiry, as if that much of their life had passed. */
  async function expireInDays(days: number): Promise<void> {
    await world.dataSource.query(
      'UPDATE certificates SET not_after = DATE_ADD(UTC_TIMESTAMP(), INTERVAL ? DAY) WHERE customer_id = ?',
      [days, CUSTOMER.id],
    );
  }

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-renew');
    serial = world.emulator.addToken({ label: 'iKey renew', type: 'IKEY', pin: PIN });
    const teller = await world.signIn('teller01');
    const { password } = await world.counterApplication(CUSTOMER, serial, teller);
    browser = await launchChromium();
    page = browser.page;
    await startCustomerSession(page, world);
    await applyUpToKeys(page, CUSTOMER.idNumber, password, PIN);
    await retryOnceSigned(page, world);
    await page.getByTestId('apply-installed').waitFor({ timeout: 60_000 });
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('refuses renewal two months before expiry and renews inside the window; a customer who left before the CA signed downloads the pair later', async () => {
    await myCertificates();
    await page.getByTestId('my-certificates').waitFor();
    const [old] = await world.dataSource.query(
      "SELECT id, serial_hex AS serialHex, subject_dn AS subjectDn FROM certificates WHERE customer_id = ? AND `usage` = 'SIGNING'",
      [CUSTOMER.id],
    );
    // The query shows the DNs as OpenSSL reads them from the certificate on the token.
    await page.locator(`tr[data-serial="${old.serialHex}"]`).getByRole('button', { name: '詳細資料' }).click();
    const details = page.getByTestId(`certificate-details-${old.serialHex}`);
    await details.getByText(`主旨（使用者識別名稱）：${old.subjectDn}`).waitFor();
    await details.getByText(/^憑證發行者：.*CN=/).waitFor();

    // Two months before expiry: refused with the date it opens, and no key is made on the token.
    await expireInDays(60);
    await myCertificates();
    await page.locator(`tr[data-serial="${old.serialHex}"]`).getByRole('button', { name: '更新' }).click();
    const early = page.locator('[data-code="CERT_NOT_RENEWABLE_YET"]');
    await early.getByText(/本憑證自 \d{2,3}\/\d{2}\/\d{2} 起可更新/).waitFor();
    await expect(page.getByRole('button', { name: '產生新金鑰並更新' }).count()).resolves.toBe(0);
    expect(tokenObjectIds(world.emulator, 'iKey renew', PIN).privateKey).toHaveLength(2);
    // Ten days before expiry, as the customer would come in a year from now.
    await expireInDays(10);
    await myCertificates();
    const row = page.locator(`tr[data-serial="${old.serialHex}"]`);
    await row.getByRole('button', { name: '更新' }).click();
    await page.getByRole('button', { name: '產生新金鑰並更新' }).click();
    await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });

    // The customer does not wait: the session ends, and they come back with the token later.
    await endSession(page);
    await page.getByRole('button', { name: '櫃員：開始客戶自助服務' }).click();
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '下載憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await retryOnceSigned(page, world);
    await page.getByTestId('download-installed').waitFor({ timeout: 60_000 });

    const ids = tokenObjectIds(world.emulator, 'iKey renew', PIN);
    expect(ids.certificate).toHaveLength(4);
    expect(ids.certificate).toEqual(ids.privateKey);
    expect(ids.certificate).toEqual(ids.publicKey);
    const rows = await world.dataSource.query(
      'SELECT `usage`, status, predecessor_id AS predecessorId FROM certificates WHERE customer_id = ? ORDER BY created_at, `usage`',
      [CUSTOMER.id],
    );
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
    expect(rows.filter((r: { predecessorId: string | null }) => r.predecessorId !== null)).toHaveLength(2);
    expect(rows.some((r: { predecessorId: string | null }) => r.predecessorId === old.id)).toBe(true);
  });

  it('says 6036 when there is nothing left to download', async () => {
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '下載憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    const refused = page.locator('[data-code="NOTHING_TO_DOWNLOAD"]');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('(6036)');
  });

  it('warns before a renewal that would fill the iKey, and offers the cleanup in place', async () => {
    // Two pairs on the iKey (4 of 6 places): renewing the new pair would leave no room.
    const [renewed] = await world.dataSource.query(
      "SELECT serial_hex AS serialHex FROM certificates WHERE customer_id = ? AND `usage` = 'SIGNING' AND predecessor_id IS NOT NULL",
      [CUSTOMER.id],
    );
    await expireInDays(10);
    await myCertificates();
    await page.locator(`tr[data-serial="${renewed.serialHex}"]`).getByRole('button', { name: '更新' }).click();
    const warning = page.getByTestId('token-room-warning');
    await warning.getByText('您的載具尚可存放 2 張憑證，更新需寫入 2 張').waitFor();
    await warning.getByRole('button', { name: '先刪除過期或失效的憑證' }).click();
    await warning.getByLabel('載具密碼（PIN）').waitFor();
  });
});
