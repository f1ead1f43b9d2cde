import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { FediCa, fediOnToken } from '../support/fedi-fixture';
import { startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';
import { OpenSsl } from '../support/openssl';
import { certificateFromToken, tokenObjectIds } from '../support/token-objects';

const PIN = '135790';
const LABEL = 'iKey FEDI';
const CUSTOMER = SEED_CUSTOMERS[10];
const NEW_EMAIL = 'fedi.converted@example.com.tw';

/** Today in Taipei, YYYYMMDD: the date part of a converted CN. */
function taipeiDay(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * A FEDI customer converts online at the kiosk: an emulated iKey holds a FEDI key and its
 * certificate from a legacy CA made for the suite (trusted through FEDI_CA_CERT_FILE); the customer
 * goes through the manual's four steps and leaves with a new FXML pair next to the FEDI certificate.
 */
describe('kiosk: FEDI → FXML conversion on an iKey in Chromium (real agent on the emulator, real API on MariaDB)', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let fediKeyId: string;
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-fedi-'));
  const ssl = new OpenSsl();
  const cn = `${CUSTOMER.idNumber}-00-${taipeiDay()}`;

  beforeAll(async () => {
    const ca = await FediCa.create();
    process.env.FEDI_CA_CERT_FILE = ca.writeTo(dir);
    world = await KioskWorld.start('browser-kiosk-fedi', { keygenDelayMs: 1500 });
    const serial = world.emulator.addToken({ label: LABEL, type: 'IKEY', pin: PIN });
    fediKeyId = (await fediOnToken(world.agent, ca, { serial, pin: PIN }, CUSTOMER.idNumber)).id;
    ssl.file('chain.pem', await (await fetch(`${world.url}/pki/chain.pem`)).text());
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    delete process.env.FEDI_CA_CERT_FILE;
    ssl.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the FEDI certificate on the iKey after the PIN and proves it with its key', async () => {
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: 'FEDI憑證線上轉置' }).click();
    await expect(page.getByTestId('wizard-steps').innerText()).resolves.toMatch(
      /選擇轉置清單[\s\S]*確認轉置資訊[\s\S]*轉置約定條款[\s\S]*轉置送審結果/,
    );
    await page
      .getByTestId('token-status')
      .getByText(/^載具 /)
      .waitFor();
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '讀取載具上的 FEDI 憑證' }).click();

    const card = page.getByTestId('fedi-certificate');
    await card.waitFor();
    expect(await card.count()).toBe(1);
    await expect(card.innerText()).resolves.toContain(CUSTOMER.idNumber);
    await card.getByRole('button', { name: '轉置此憑證' }).click();

    const details = page.getByTestId('fedi-details');
    await details.waitFor();
    await expect(details.innerText()).resolves.toContain(cn);
    await expect(details.innerText()).resolves.toContain('iKey');
    const [proven] = await world.dataSource.query(
      "SELECT actor_type, actor_id FROM audit_events WHERE action = 'FEDI_CERTIFICATE_PROVEN'",
    );
    expect(proven).toEqual({ actor_type: 'CUSTOMER', actor_id: CUSTOMER.id });
  });

  it('confirms the CN and an edited e-mail, refuses a bad address, and accepts the terms', async () => {
    const email = page.getByLabel('電子郵件');
    expect(await email.inputValue()).toBe(CUSTOMER.email);
    await email.fill('not-an-address');
    await email.blur();
    await page.getByText('電子郵件地址格式不正確。').waitFor();
    expect(await page.getByRole('button', { name: '確認轉置' }).isDisabled()).toBe(true);
    await email.fill(NEW_EMAIL);
    await page.getByRole('button', { name: '確認轉置' }).click();

    await page.getByTestId('terms-text').waitFor();
    await page.getByLabel('我已閱讀並同意上述條款').check();
    await page.getByRole('button', { name: '產生金鑰並送出申請' }).click();
    await page.getByText('正在載具上產生金鑰對').waitFor();
    await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-code="CA_ISSUING"]').innerText()).resolves.toContain('(6025)');

    const [application] = await world.dataSource.query(
      'SELECT common_name, email, teller_id, status, medium FROM counter_applications WHERE customer_id = ?',
      [CUSTOMER.id],
    );
    expect(application).toEqual({
      common_name: cn,
      email: NEW_EMAIL,
      teller_id: null,
      status: 'APPLIED',
      medium: 'IKEY',
    });
  });

  it('downloads and installs once the CA has signed: two FXML certificates beside the FEDI one, verified by openssl', async () => {
    await world.signPending();
    await page.getByRole('button', { name: '再試一次' }).click();
    await page.getByTestId('fedi-installed').waitFor({ timeout: 60_000 });
    await page.getByText(new RegExp(`轉置完成.*${cn}`)).waitFor();

    const ids = tokenObjectIds(world.emulator, LABEL, PIN);
    expect(ids.certificate).toHaveLength(3);
    expect(ids.certificate).toContain(fediKeyId);
    expect(ids.certificate).toEqual(ids.privateKey);
    expect(ids.certificate).toEqual(ids.publicKey);

    const subjects: string[] = [];
    for (const id of ids.certificate.filter((i) => i !== fediKeyId)) {
      const pem = certificateFromToken(world.emulator, LABEL, id, ssl);
      expect(ssl.verify(pem)).toMatch(new RegExp(`^${id}\\.pem: OK$`, 'm'));
      subjects.push(ssl.run('x509', '-in', pem, '-noout', '-subject'));
    }
    expect(subjects).toHaveLength(2);
    for (const subject of subjects) expect(subject).toMatch(new RegExp(`CN ?= ?${cn}\\s*$`, 'm'));

    // The FEDI certificate is still there, and still not one of ours.
    const fedi = certificateFromToken(world.emulator, LABEL, fediKeyId, ssl);
    expect(ssl.run('x509', '-in', fedi, '-noout', '-issuer')).toContain('Legacy FEDI CA');

    const rows = await world.dataSource.query('SELECT status, medium FROM certificates WHERE customer_id = ?', [
      CUSTOMER.id,
    ]);
    expect(rows).toEqual([
      { status: 'ACTIVE', medium: 'IKEY' },
      { status: 'ACTIVE', medium: 'IKEY' },
    ]);
    const [application] = await world.dataSource.query(
      'SELECT status FROM counter_applications WHERE customer_id = ?',
      [CUSTOMER.id],
    );
    expect(application).toEqual({ status: 'COMPLETED' });
  });

  it('offers the converted certificate no second time, in English on the switch', async () => {
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Convert FEDI certificate' }).click();
    await page.getByLabel('Token PIN').fill(PIN);
    await page.getByRole('button', { name: 'Read the FEDI certificates on the token' }).click();
    await page.locator('[data-code="FEDI_CERTIFICATE_NONE"]').waitFor();
    await expect(page.getByTestId('fedi-certificate').innerText()).resolves.toContain('already been converted');
  });
});
