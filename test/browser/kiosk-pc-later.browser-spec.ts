import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { normSerial, storeKeyPairs } from '../support/computer-store';
import { endSession, proveWithIdNumber, startPcSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const CUSTOMER = SEED_CUSTOMERS[12];
const SOMEONE_ELSE = SEED_CUSTOMERS[13];
const STORE_PASSWORD = 'pc-later-2026';

/**
 * 下載憑證至本電腦 after a first apply on the customer's own computer that the CA signed only once
 * the customer had gone: the store holds keys but no certificate to prove with, so the ID number
 * and a key waiting in the store prove it, as on a token.
 */
describe('kiosk: download later to the PC medium after a first apply, in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let application: { id: string; password: string };

  const rows = async () =>
    (await world.dataSource.query(
      'SELECT `usage`, status, medium, token_id AS tokenId, serial_hex AS serialHex FROM certificates WHERE application_id = ? ORDER BY `usage`',
      [application.id],
    )) as { usage: string; status: string; medium: string; tokenId: string | null; serialHex: string | null }[];

  /** What the store holds, opened in-process with the customer's password and closed again. */
  async function storeEntries() {
    const store = world.agent.services.store;
    const wasOpen = store.isOpen;
    if (!wasOpen) await store.open(STORE_PASSWORD);
    try {
      return await storeKeyPairs(world);
    } finally {
      if (!wasOpen) store.close();
    }
  }

  /** A fresh session on this computer, at 下載憑證至本電腦 after the store password. */
  async function downloadToComputer(): Promise<void> {
    await startPcSession(page, world);
    await page.getByRole('button', { name: '下載憑證至本電腦' }).click();
    await page.getByLabel('本電腦的憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByRole('button', { name: '下一步' }).click();
  }

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-pc-later', {}, { mode: 'personal' });
    const teller = await world.signIn('teller01');
    application = await world.counterPcApplication(CUSTOMER, teller);
    browser = await launchChromium();
    page = browser.page;

    await startPcSession(page, world);
    await page.getByRole('button', { name: '申請憑證（存放於本電腦）' }).click();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(application.password);
    await page.getByLabel('設定憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByLabel('再次輸入憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '資料正確' }).click();
    await page.getByLabel('我已閱讀並同意上述條款').check();
    await page.getByRole('button', { name: '產生金鑰並送出申請' }).click();
    await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });
    // The customer does not wait for the CA.
    await endSession(page);
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('back before the CA signed: asked for the ID number, a wrong one is refused, the right one hears 6025', async () => {
    expect((await rows()).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    expect((await storeEntries()).map((e) => e.certified)).toEqual([null, null]);

    await downloadToComputer();
    await page.getByTestId('download-later').getByText('本電腦憑證存放區中的金鑰還沒有憑證').waitFor();
    await proveWithIdNumber(page, SOMEONE_ELSE.idNumber);
    await page.locator('[data-code="CERTIFICATE_PROOF_FAILED"]').waitFor();

    await proveWithIdNumber(page, CUSTOMER.idNumber.toLowerCase());
    const issuing = page.locator('[data-code="CA_ISSUING"]');
    await issuing.waitFor();
    await expect(issuing.innerText()).resolves.toContain('(6025)');
    expect((await rows()).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    expect((await storeEntries()).map((e) => e.certified)).toEqual([null, null]);
    await endSession(page);
  });

  it('after the CA signed, in a new session: the ID number and a waiting key prove it, both install, ACTIVE on PC', async () => {
    await world.signPending();
    expect((await rows()).map((r) => r.status)).toEqual(['ISSUED', 'ISSUED']);

    await downloadToComputer();
    await proveWithIdNumber(page, CUSTOMER.idNumber);
    await page.getByTestId('download-installed').getByText('已存入本電腦的憑證存放區').waitFor({ timeout: 60_000 });

    const entries = await storeEntries();
    expect(entries).toHaveLength(2);
    for (const entry of entries) expect(entry.certified).toBe(entry.held);
    const stored = await rows();
    expect(stored).toEqual([
      expect.objectContaining({ usage: 'ENCRYPTION', status: 'ACTIVE', medium: 'PC', tokenId: null }),
      expect.objectContaining({ usage: 'SIGNING', status: 'ACTIVE', medium: 'PC', tokenId: null }),
    ]);
    expect(entries.map((e) => e.serial).sort()).toEqual(stored.map((r) => normSerial(r.serialHex ?? '')).sort());
    const [app] = await world.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [
      application.id,
    ]);
    expect(app.status).toBe('COMPLETED');
    await endSession(page);
  });
});
