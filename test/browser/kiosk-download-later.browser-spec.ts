import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { applyUpToKeys, endSession, proveWithIdNumber, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';
import { listTokenObjects, objectIds } from '../support/token-objects';

const PIN = '470125';
const CUSTOMER = SEED_CUSTOMERS[8];
const SOMEONE_ELSE = SEED_CUSTOMERS[9];

/**
 * 下載憑證 after a first apply the CA signed only once the customer had gone: the token holds keys
 * but no certificate to prove with, so the customer gives the ID number and a key waiting on the
 * token proves it. With another token of theirs the keys are not there: 80092004, nothing changes.
 */
describe('kiosk: download later after a first apply, in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let applied: string;
  let other: string;

  const statuses = async () =>
    (
      await world.dataSource.query('SELECT status FROM certificates WHERE customer_id = ? ORDER BY `usage`', [
        CUSTOMER.id,
      ])
    ).map((r: { status: string }) => r.status);
  const listing = (label: string) => listTokenObjects(world.emulator, label, PIN);

  /** A fresh session with only `serial` in the reader, at 下載憑證 after the PIN. */
  async function downloadWith(serial: string): Promise<void> {
    for (const s of [applied, other]) {
      if (s === serial) world.emulator.insert(s);
      else world.emulator.remove(s);
    }
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '下載憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
  }

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-download-later');
    applied = world.emulator.addToken({ label: 'iKey later', type: 'IKEY', pin: PIN });
    other = world.emulator.addToken({ label: 'iKey other', type: 'IKEY', pin: PIN });
    world.emulator.remove(other);
    const teller = await world.signIn('teller01');
    const { password } = await world.counterApplication(CUSTOMER, applied, teller);
    browser = await launchChromium();
    page = browser.page;
    await startCustomerSession(page, world);
    await applyUpToKeys(page, CUSTOMER.idNumber, password, PIN);
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
    expect(await statuses()).toEqual(['PENDING', 'PENDING']);
    await downloadWith(applied);
    await page.getByTestId('download-later').getByText('這支載具上的金鑰還沒有憑證').waitFor();
    await proveWithIdNumber(page, SOMEONE_ELSE.idNumber);
    await page.locator('[data-code="CERTIFICATE_PROOF_FAILED"]').waitFor();

    await proveWithIdNumber(page, CUSTOMER.idNumber.toLowerCase());
    const issuing = page.locator('[data-code="CA_ISSUING"]');
    await issuing.waitFor();
    await expect(issuing.innerText()).resolves.toContain('(6025)');
    expect(await statuses()).toEqual(['PENDING', 'PENDING']);
    expect(objectIds(listing('iKey later')).certificate).toEqual([]);
    await endSession(page);
  });

  it('with another token of the same customer: 80092004 with its remedy, nothing installed, rows stay ISSUED', async () => {
    await world.signPending();
    expect(await statuses()).toEqual(['ISSUED', 'ISSUED']);
    world.emulator.insert(other);
    const before = listing('iKey other');

    await downloadWith(other);
    const refused = page.locator('[data-code="PRIVATE_KEY_NOT_FOUND"]');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('(80092004)');
    await refused.getByText('請插入申請時產生金鑰的同一支載具（或使用同一台電腦）再下載。').waitFor();
    await expect(page.getByTestId('download-later').count()).resolves.toBe(0);
    await expect(page.getByTestId('download-installed').count()).resolves.toBe(0);

    expect(await statuses()).toEqual(['ISSUED', 'ISSUED']);
    expect(listing('iKey other')).toEqual(before);
    await endSession(page);
  });

  it('with the token that holds the keys: the ID number and a waiting key prove it, both certificates install, ACTIVE', async () => {
    await downloadWith(applied);
    await proveWithIdNumber(page, CUSTOMER.idNumber);
    await page.getByTestId('download-installed').waitFor({ timeout: 60_000 });

    const ids = objectIds(listing('iKey later'));
    expect(ids.certificate).toHaveLength(2);
    expect(ids.certificate).toEqual(ids.privateKey);
    expect(ids.certificate).toEqual(ids.publicKey);
    expect(await statuses()).toEqual(['ACTIVE', 'ACTIVE']);
    const [audit] = await world.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_PROVEN'",
    );
    expect(Number(audit.n)).toBeGreaterThanOrEqual(1);
  });
});
