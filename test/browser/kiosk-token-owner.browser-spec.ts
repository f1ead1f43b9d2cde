import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { applyUpToKeys, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const PIN_A = '314159';
const PIN_B = '271828';
const PIN_BLANK = '161803';
const NEW_PIN = '57721566';
const OWNER = SEED_CUSTOMERS[3];
const LATER = SEED_CUSTOMERS[6];

/**
 * 載具密碼變更 and 載具憑證刪除 only on the customer's own token: the old PIN logs the token in, a
 * certificate of ours on it (or a key waiting for one, with the ID number) proves the customer, and
 * the API says whether the token is registered to them and ACTIVE. pkcs11-tool judges the PIN.
 */
describe('kiosk: PIN change and cleanup only on the customer’s own token (Chromium, agent on the emulator)', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let teller: string;
  let later: { password: string };

  /** True when pkcs11-tool logs in to the token with `pin`. */
  const logsIn = (label: string, pin: string): boolean => {
    try {
      world.emulator.pkcs11Tool(['--token-label', label, '--login', '--pin', pin, '-O']);
      return true;
    } catch {
      return false;
    }
  };

  /** The customer leaves, the next one brings `label` to the reader, the teller starts their session. */
  const nextCustomer = async (out: string, label: string) => {
    await page.getByRole('button', { name: '結束服務' }).click();
    await page.getByTestId('kiosk-ended').waitFor();
    world.emulator.remove(out);
    world.emulator.insert(label);
    await startCustomerSession(page, world);
  };

  const openPinChange = async () => {
    await page.getByRole('button', { name: '變更載具密碼' }).click();
    await page.getByTestId('pin-state').waitFor();
  };

  const serials: Record<string, string> = {};
  const tokenOf = async (label: string): Promise<{ id: string; version: number }> =>
    (await world.dataSource.query('SELECT id, version FROM tokens WHERE serial = ?', [serials[label]]))[0];

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-token-owner');
    for (const [label, pin] of [
      ['iKey owner', PIN_A],
      ['iKey later', PIN_B],
      ['iKey blank', PIN_BLANK],
    ])
      serials[label] = world.emulator.addToken({ label, type: 'IKEY', pin });
    world.emulator.remove('iKey later');
    world.emulator.remove('iKey blank');
    teller = await world.signIn('teller01');
    const owner = await world.counterApplication(OWNER, serials['iKey owner'], teller);
    later = await world.counterApplication(LATER, serials['iKey later'], teller);
    browser = await launchChromium();
    page = browser.page;
    await startCustomerSession(page, world);
    await applyUpToKeys(page, OWNER.idNumber, owner.password, PIN_A);
    await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });
    await world.signPending();
    await page.getByRole('button', { name: '再試一次' }).click();
    await page.getByTestId('apply-installed').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '回到服務選單' }).click();
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('a customer whose certificates are on their iKey proves it theirs with the old PIN, then sets the new one', async () => {
    await openPinChange();
    // Nothing to type a new PIN into before the token is known to be the customer's.
    await expect(page.getByLabel('新的載具密碼（6 至 16 個字元）').count()).resolves.toBe(0);
    await page.getByLabel('目前的載具密碼').fill(PIN_A);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('token-owned').getByText(`已確認載具 ${serials['iKey owner']} 登記在您名下。`).waitFor();
    await page.getByLabel('新的載具密碼（6 至 16 個字元）').fill(NEW_PIN);
    await page.getByLabel('再次輸入新的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.getByTestId('pin-changed').waitFor();
    expect(logsIn('iKey owner', NEW_PIN)).toBe(true);
    // (This wrong try shows on the token later as "some wrong tries".)
    expect(logsIn('iKey owner', PIN_A)).toBe(false);
    expect(await world.dataSource.query("SELECT id FROM audit_events WHERE action = 'KIOSK_TOKEN_REFUSED'")).toEqual(
      [],
    );
  });

  it('a token with nothing of ours on it is refused for the PIN change and the cleanup alike; its PIN stays', async () => {
    await nextCustomer('iKey owner', 'iKey blank');
    await openPinChange();
    await page.getByLabel('目前的載具密碼').fill(PIN_BLANK);
    await page.getByRole('button', { name: '下一步' }).click();
    const refused = page.locator('[data-code="TOKEN_OWNER_UNPROVEN"]');
    await refused.getByText('此載具上沒有可證明您身分的本行憑證或待下載的金鑰').waitFor();
    await expect(refused.innerText()).resolves.toContain('請先以「申請憑證」辦理');
    await expect(page.getByLabel('新的載具密碼（6 至 16 個字元）').count()).resolves.toBe(0);

    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '刪除載具中過期或失效的憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(PIN_BLANK);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('[data-code="TOKEN_OWNER_UNPROVEN"]').waitFor();
    await expect(page.getByTestId('token-certificates').count()).resolves.toBe(0);
    expect(logsIn('iKey blank', PIN_BLANK)).toBe(true);
    expect(world.emulator.wrongPinCount(serials['iKey blank'])).toBe(0);
  });

  it('a customer back for certificates the CA signed meanwhile proves with the ID number and a waiting key', async () => {
    await nextCustomer('iKey blank', 'iKey later');
    await applyUpToKeys(page, LATER.idNumber, later.password, PIN_B);
    await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });
    await world.signPending();
    await page.getByRole('button', { name: '結束服務' }).click();
    await page.getByTestId('kiosk-ended').waitFor();
    await startCustomerSession(page, world);

    await openPinChange();
    await page.getByLabel('目前的載具密碼').fill(PIN_B);
    await page.getByRole('button', { name: '下一步' }).click();
    const ask = page.getByTestId('owner-id-number');
    await ask.getByLabel('身分證字號／統一編號').fill(OWNER.idNumber);
    await ask.getByRole('button', { name: '證明身分' }).click();
    // Someone else's ID number goes with no key on this token.
    await page.locator('[data-code="CERTIFICATE_PROOF_FAILED"]').waitFor();
    await ask.getByLabel('身分證字號／統一編號').fill(LATER.idNumber.toLowerCase());
    await ask.getByRole('button', { name: '證明身分' }).click();
    await page.getByTestId('token-owned').waitFor();
    await page.getByLabel('新的載具密碼（6 至 16 個字元）').fill(NEW_PIN);
    await page.getByLabel('再次輸入新的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.getByTestId('pin-changed').waitFor();
    expect(logsIn('iKey later', NEW_PIN)).toBe(true);
  });

  it('a token the counter reported lost, registered to someone else or retired is refused, and its PIN stays as it was', async () => {
    // Lost: the loss held the certificates waiting on it, so their keys prove nobody any more.
    const lost = await tokenOf('iKey later');
    await world.gql(
      'mutation($id: ID!, $version: Int!) { reportTokenLost(id: $id, version: $version) { id } }',
      lost,
      teller,
    );
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await openPinChange();
    await page.getByLabel('目前的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    const ask = page.getByTestId('owner-id-number');
    await ask.getByLabel('身分證字號／統一編號').fill(LATER.idNumber);
    await ask.getByRole('button', { name: '證明身分' }).click();
    await page.locator('[data-code="CERTIFICATE_NOT_USABLE"]').waitFor();
    await expect(page.getByLabel('新的載具密碼（6 至 16 個字元）').count()).resolves.toBe(0);
    expect(logsIn('iKey later', NEW_PIN)).toBe(true);

    // Passed on: the counter's record names another customer now, while the certificates on it are still this one's.
    await nextCustomer('iKey later', 'iKey owner');
    await world.dataSource.query('UPDATE tokens SET owner_customer_id = ? WHERE serial = ?', [
      LATER.id,
      serials['iKey owner'],
    ]);
    await openPinChange();
    await page.getByLabel('目前的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    const notYours = page.locator('[data-code="TOKEN_NOT_YOURS"]');
    await notYours.getByText('此載具不是登記在您名下的載具').waitFor();
    await expect(notYours.innerText()).resolves.toContain('(80070005)');
    await expect(page.getByLabel('新的載具密碼（6 至 16 個字元）').count()).resolves.toBe(0);
    await world.dataSource.query('UPDATE tokens SET owner_customer_id = ? WHERE serial = ?', [
      OWNER.id,
      serials['iKey owner'],
    ]);

    // Retired (replaced by a new one): its certificates still prove the customer, the token is no longer theirs to change.
    const retired = await tokenOf('iKey owner');
    await world.gql(
      'mutation($id: ID!, $version: Int!) { retireToken(id: $id, version: $version) { id } }',
      retired,
      teller,
    );
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await openPinChange();
    await page.getByLabel('目前的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('[data-code="TOKEN_RETIRED"]').getByText('此載具已停用').waitFor();
    await expect(page.getByLabel('新的載具密碼（6 至 16 個字元）').count()).resolves.toBe(0);

    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '刪除載具中過期或失效的憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(NEW_PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('[data-code="TOKEN_RETIRED"]').waitFor();
    await expect(page.getByTestId('token-certificates').count()).resolves.toBe(0);
    expect(logsIn('iKey owner', NEW_PIN)).toBe(true);
    const refusals = await world.dataSource.query(
      "SELECT actor_id AS actorId, after FROM audit_events WHERE action = 'KIOSK_TOKEN_REFUSED' ORDER BY id",
    );
    expect(refusals.map((r: { actorId: string; after: string }) => [r.actorId, JSON.parse(r.after).code])).toEqual([
      [OWNER.id, 'TOKEN_NOT_YOURS'],
      [OWNER.id, 'TOKEN_RETIRED'],
      [OWNER.id, 'TOKEN_RETIRED'],
    ]);
  });
});
