import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { normSerial, storeKeyPairs } from '../support/computer-store';
import { endSession, retryOnceSigned, startCustomerSession, startPcSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';
import { OpenSsl } from '../support/openssl';

const CUSTOMER = SEED_CUSTOMERS[6];
const STORE_PASSWORD = 'pc-store-2026';
const BACKUP_PASSWORD = 'backup2026pc';
const PIN = '975310';

/** The PC medium: the customer's own computer, its certificate store, backups and token copies. */
describe('kiosk: the PC medium on a personal-mode agent in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let application: { id: string; commonName: string; password: string };
  let copySerial: string;
  const ssl = new OpenSsl();

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-pc', {}, { mode: 'personal' });
    // The module sees the tokens present when it loads: the iKey to copy from is there from the start.
    copySerial = world.emulator.addToken({ label: 'iKey copy', type: 'IKEY', pin: PIN });
    ssl.run(
      ...`req -x509 -newkey rsa:2048 -nodes -keyout copy.key -days 30 -outform DER -out copy.der -subj`.split(' '),
      `/CN=${CUSTOMER.idNumber}-01-copy`,
    );
    const write = `--login --pin ${PIN} --write-object ${ssl.path('copy.der')} --type cert --id c0ffee01 --label copy`;
    world.emulator.pkcs11Tool(['--token-label', 'iKey copy', ...write.split(' ')]);
    const teller = await world.signIn('teller01');
    application = await world.counterPcApplication(CUSTOMER, teller);
    browser = await launchChromium();
    page = browser.page;

    // The customer applies on this computer: ID, the notice's password, then a store password, set twice.
    await startPcSession(page, world);
    await page.getByRole('button', { name: '申請憑證（存放於本電腦）' }).click();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(application.password);
    await page.getByTestId('store-first').waitFor();
    await page.getByLabel('設定憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByLabel('再次輸入憑證存放區密碼').fill(`${STORE_PASSWORD}x`);
    await page.getByText('兩次輸入的密碼不同。').waitFor();
    await expect(page.getByRole('button', { name: '下一步' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('再次輸入憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('apply-details').getByText('PC（電腦）（本電腦）').waitFor();
    await page.getByRole('button', { name: '資料正確' }).click();
    await page.getByLabel('我已閱讀並同意上述條款').check();
    await page.getByRole('button', { name: '產生金鑰並送出申請' }).click();
    await retryOnceSigned(page, world);
    await page.getByTestId('apply-installed').getByText('已存入本電腦的憑證存放區').waitFor({ timeout: 60_000 });
    await endSession(page);
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    ssl.close();
  });

  it('applied on this computer: two certificates next to their keys in the store, both ACTIVE on medium PC', async () => {
    // The session ended and closed the store; the test reopens it in-process to look inside.
    await world.agent.services.store.open(STORE_PASSWORD);
    const pairs = await storeKeyPairs(world);
    expect(pairs).toHaveLength(2);
    for (const pair of pairs) expect(pair.certified).toBe(pair.held);
    const rows = await world.dataSource.query(
      'SELECT `usage`, status, medium, token_id AS tokenId, serial_hex AS serialHex FROM certificates WHERE application_id = ? ORDER BY `usage`',
      [application.id],
    );
    expect(rows.map((r: { usage: string; status: string; medium: string; tokenId: string | null }) => r)).toEqual([
      expect.objectContaining({ usage: 'ENCRYPTION', status: 'ACTIVE', medium: 'PC', tokenId: null }),
      expect.objectContaining({ usage: 'SIGNING', status: 'ACTIVE', medium: 'PC', tokenId: null }),
    ]);
    expect(pairs.map((p) => p.serial).sort()).toEqual(
      rows.map((r: { serialHex: string }) => normSerial(r.serialHex)).sort(),
    );
    const [app] = await world.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [
      application.id,
    ]);
    expect(app.status).toBe('COMPLETED');
    world.agent.services.store.close();
  });

  it('renews on this computer inside the window: a new pair in the store, the old key proving possession', async () => {
    await world.dataSource.query(
      'UPDATE certificates SET not_after = DATE_ADD(UTC_TIMESTAMP(), INTERVAL 10 DAY) WHERE application_id = ?',
      [application.id],
    );
    const [old] = await world.dataSource.query(
      "SELECT id, serial_hex AS serialHex FROM certificates WHERE application_id = ? AND `usage` = 'SIGNING'",
      [application.id],
    );
    await startPcSession(page, world);
    await page.getByRole('button', { name: '查詢我的憑證（本電腦）' }).click();
    await page.getByLabel('本電腦的憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
    await page.locator(`tr[data-serial="${old.serialHex}"]`).getByRole('button', { name: '更新' }).click();
    await page.getByRole('button', { name: '產生新金鑰並更新' }).click();
    await retryOnceSigned(page, world);
    await page.getByTestId('renew-installed').getByText('已存入本電腦的憑證存放區').waitFor({ timeout: 60_000 });

    const pairs = await storeKeyPairs(world);
    expect(pairs).toHaveLength(4);
    for (const pair of pairs) expect(pair.certified).toBe(pair.held);
    const renewed = await world.dataSource.query(
      'SELECT status, medium, token_id AS tokenId, predecessor_id AS predecessorId, serial_hex AS serialHex FROM certificates WHERE predecessor_id IS NOT NULL AND customer_id = ?',
      [CUSTOMER.id],
    );
    expect(renewed).toHaveLength(2);
    for (const row of renewed) expect(row).toMatchObject({ status: 'ACTIVE', medium: 'PC', tokenId: null });
    expect(renewed.some((r: { predecessorId: string }) => r.predecessorId === old.id)).toBe(true);
    expect(pairs.map((p) => p.serial)).toEqual(
      expect.arrayContaining(renewed.map((r: { serialHex: string }) => normSerial(r.serialHex))),
    );
  });

  it('backs up a certificate (mismatch and weak passwords refused), restores it after the key is gone, and proves with it', async () => {
    const [signing] = await world.dataSource.query(
      "SELECT serial_hex AS serialHex FROM certificates WHERE application_id = ? AND `usage` = 'SIGNING' AND predecessor_id IS NULL",
      [application.id],
    );
    await startPcSession(page, world);
    await page.getByRole('button', { name: 'PC憑證匯出（備份）' }).click();
    // A new session: the store is asked for once, with the password set before.
    await page.getByLabel('本電腦的憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByRole('button', { name: '開啟憑證存放區' }).click();
    await page.locator(`button[data-serial="${signing.serialHex}"]`).click();
    await page.getByTestId('store-certificate').waitFor();
    const pairs = await storeKeyPairs(world);

    await page.getByLabel('憑證備份檔密碼', { exact: true }).fill(BACKUP_PASSWORD);
    await page.getByLabel('確認憑證備份檔密碼').fill(`${BACKUP_PASSWORD}!`);
    await page.getByText('兩次輸入的密碼不同。').waitFor();
    await expect(page.getByRole('button', { name: '匯出憑證' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('憑證備份檔密碼', { exact: true }).fill('short1');
    await page.getByLabel('確認憑證備份檔密碼').fill('short1');
    await page.getByRole('button', { name: '匯出憑證' }).click();
    await page.locator('[data-code="PKCS12_PASSWORD_WEAK"]').waitFor();

    await page.getByLabel('憑證備份檔密碼', { exact: true }).fill(BACKUP_PASSWORD);
    await page.getByLabel('確認憑證備份檔密碼').fill(BACKUP_PASSWORD);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '匯出憑證' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificate-[0-9a-f]{8}\.p12$/);
    const p12 = ssl.path(download.suggestedFilename());
    await download.saveAs(p12);
    await page.getByTestId('backup-saved').waitFor();
    // OpenSSL opens it with the password, and the certificate inside is the signing one.
    ssl.run('pkcs12', '-info', '-noout', '-passin', `pass:${BACKUP_PASSWORD}`, '-in', p12);
    const inside = ssl.run('pkcs12', '-in', p12, '-passin', `pass:${BACKUP_PASSWORD}`, '-nokeys', '-clcerts');
    const saved = new X509Certificate(inside.slice(inside.indexOf('-----BEGIN CERTIFICATE-----')));
    expect(normSerial(saved.serialNumber)).toBe(normSerial(signing.serialHex));

    // This computer loses both keys: the certificates no longer prove anyone here (80092004).
    for (const pair of pairs) await world.agent.services.store.remove(pair.id);
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '查詢我的憑證（本電腦）' }).click();
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
    const missing = page.locator('[data-code="PRIVATE_KEY_NOT_FOUND"]');
    await missing.waitFor();
    await expect(missing.innerText()).resolves.toContain('(80092004)');

    // Restore from the file the browser saved, then prove with the restored certificate.
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: 'PC憑證匯入（還原備份）' }).click();
    await page.getByTestId('restore-file').setInputFiles(p12);
    await page.getByLabel('憑證備份檔密碼').fill(BACKUP_PASSWORD);
    await page.getByRole('button', { name: '匯入', exact: true }).click();
    await page.getByTestId('restore-done').waitFor();
    await expect(page.getByTestId('store-certificate').getAttribute('data-serial')).resolves.toBe(signing.serialHex);
    const restored = await storeKeyPairs(world);
    expect(restored).toHaveLength(1);
    expect(restored[0].certified).toBe(restored[0].held);

    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '查詢我的憑證（本電腦）' }).click();
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
    await page.locator(`tr[data-serial="${signing.serialHex}"]`).waitFor();
    await expect(page.locator(`tr[data-serial="${signing.serialHex}"]`).getAttribute('data-status')).resolves.toBe(
      'ACTIVE',
    );
  });

  it('a wrong backup password is PKCS12_PASSWORD_WRONG on screen and changes nothing', async () => {
    await world.agent.services.store.open(STORE_PASSWORD);
    const [entry] = await world.agent.services.store.entries();
    const p12 = ssl.file('other.p12', await world.agent.services.store.exportPkcs12(entry.id, BACKUP_PASSWORD));
    const before = (await world.agent.services.store.entries()).map((e) => e.id);
    world.agent.services.store.close();

    await startPcSession(page, world);
    await page.getByRole('button', { name: 'PC憑證匯入（還原備份）' }).click();
    await page.getByLabel('本電腦的憑證存放區密碼').fill(STORE_PASSWORD);
    await page.getByRole('button', { name: '開啟憑證存放區' }).click();
    await page.getByTestId('restore-file').setInputFiles(p12);
    await page.getByLabel('憑證備份檔密碼').fill('not-the-password-1');
    await page.getByRole('button', { name: '匯入', exact: true }).click();
    const refused = page.locator('[data-code="PKCS12_PASSWORD_WRONG"]');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('憑證備份檔的密碼錯誤');
    await expect(page.getByTestId('restore-done').count()).resolves.toBe(0);
    // The page's session has the store open: what it holds now is what it held before.
    expect((await world.agent.services.store.entries()).map((e) => e.id)).toEqual(before);
  });

  it("copies an iKey's certificates to this computer and lists them; pulling the token out ends nothing", async () => {
    const written = new X509Certificate(readFileSync(ssl.path('copy.der')));

    await startPcSession(page, world);
    await page.getByRole('button', { name: '載具憑證匯至系統' }).click();
    await page.getByTestId('token-status').getByText(copySerial).waitFor();
    await page.getByRole('button', { name: '複製憑證' }).click();
    await page.getByTestId('copy-done').getByText('已將 1 張憑證複製到本電腦。').waitFor();
    const item = page.getByTestId('copied-certificates').locator('li');
    await expect(item.innerText()).resolves.toContain(`${CUSTOMER.idNumber}-01-copy`);
    await expect(item.getAttribute('data-serial').then((s) => normSerial(s ?? ''))).resolves.toBe(
      normSerial(written.serialNumber),
    );
    const file = join(world.agent.services.copies.dir, `${copySerial.replace(/[^A-Za-z0-9]/g, '_')}-c0ffee01.cer`);
    expect(existsSync(file)).toBe(true);
    expect(new X509Certificate(readFileSync(file)).serialNumber).toBe(written.serialNumber);

    // On the customer's own computer a pulled token is noted, and the session goes on.
    world.emulator.remove(copySerial);
    await page.getByTestId('token-out').getByText(`載具 ${copySerial} 已拔除`).waitFor();
    world.emulator.insert(copySerial);
    await page.getByTestId('token-out').waitFor({ state: 'detached' });
    await expect(page.getByTestId('kiosk-ended').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: 'PC憑證匯出（備份）' }).waitFor();
  });
});

/** A shared kiosk keeps nothing of the customer: the PC functions are not on its menu. */
describe('kiosk: a kiosk-mode agent does not offer the PC medium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-pc-shared');
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('shows the token functions only', async () => {
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '變更載具密碼' }).waitFor();
    for (const name of ['PC憑證匯出（備份）', 'PC憑證匯入（還原備份）', '載具憑證匯至系統', '申請憑證（存放於本電腦）'])
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    await expect(page.getByTestId('pc-functions').count()).resolves.toBe(0);
  });
});
