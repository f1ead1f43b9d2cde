import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { applyUpToKeys, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const PIN = '470125';
const CUSTOMER = SEED_CUSTOMERS[8];
const SOMEONE_ELSE = SEED_CUSTOMERS[9];

/** CKA_IDs of the certificates, private and public keys in `pkcs11-tool -O` output. */
function ids(listing: string, kind: 'Certificate' | 'Private Key' | 'Public Key'): string[] {
  return listing
    .split(/\n(?=\S)/)
    .filter((block) => block.startsWith(`${kind} Object`))
    .map((block) => /^\s*ID:\s*([0-9a-f]+)/m.exec(block)?.[1])
    .filter((id): id is string => !!id)
    .sort();
}

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
  const listing = (label: string) => world.emulator.pkcs11Tool(['--token-label', label, '--login', '--pin', PIN, '-O']);

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

  async function endSession(): Promise<void> {
    await page.getByRole('button', { name: '結束服務' }).click();
    await page.getByTestId('kiosk-ended').waitFor();
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
    await endSession();
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('back before the CA signed: asked for the ID number, a wrong one is refused, the right one hears 6025', async () => {
    expect(await statuses()).toEqual(['PENDING', 'PENDING']);
    await downloadWith(applied);
    const form = page.getByTestId('download-later');
    await form.getByText('這支載具上的金鑰還沒有憑證').waitFor();
    const idNumber = form.getByLabel('身分證字號／統一編號');
    const prove = form.getByRole('button', { name: '證明身分並下載憑證' });

    await idNumber.fill(SOMEONE_ELSE.idNumber);
    await prove.click();
    await page.locator('[data-code="CERTIFICATE_PROOF_FAILED"]').waitFor();

    await idNumber.fill(CUSTOMER.idNumber.toLowerCase());
    await prove.click();
    const issuing = page.locator('[data-code="CA_ISSUING"]');
    await issuing.waitFor();
    await expect(issuing.innerText()).resolves.toContain('(6025)');
    expect(await statuses()).toEqual(['PENDING', 'PENDING']);
    expect(ids(listing('iKey later'), 'Certificate')).toEqual([]);
    await endSession();
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
    await endSession();
  });

  it('with the token that holds the keys: the ID number and a waiting key prove it, both certificates install, ACTIVE', async () => {
    await downloadWith(applied);
    const form = page.getByTestId('download-later');
    await form.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await form.getByRole('button', { name: '證明身分並下載憑證' }).click();
    await page.getByTestId('download-installed').waitFor({ timeout: 60_000 });

    const objects = listing('iKey later');
    expect(ids(objects, 'Certificate')).toHaveLength(2);
    expect(ids(objects, 'Certificate')).toEqual(ids(objects, 'Private Key'));
    expect(ids(objects, 'Certificate')).toEqual(ids(objects, 'Public Key'));
    expect(await statuses()).toEqual(['ACTIVE', 'ACTIVE']);
    const [audit] = await world.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_PROVEN'",
    );
    expect(Number(audit.n)).toBeGreaterThanOrEqual(1);
  });
});
