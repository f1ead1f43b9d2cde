import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { capturePairingToken, NO_LEFTOVERS, sessionLeftovers, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const PIN = '135790';
const CUSTOMER = SEED_CUSTOMERS[6];

/**
 * The customer pulls the token out in the middle of a session: the agent sees the slot empty (the
 * emulator's removal at PKCS#11 level), tells the page, and the page ends the session with nothing
 * left behind — in the agent, in the token's login, in the browser.
 */
describe('kiosk: the token pulled out during a session, in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let serial: string;
  let password: string;
  let pairing: { readonly current: string };

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-token-removal');
    serial = world.emulator.addToken({ label: 'iKey pulled', type: 'IKEY', pin: PIN });
    const teller = await world.signIn('teller01');
    ({ password } = await world.counterApplication(CUSTOMER, serial, teller));
    browser = await launchChromium();
    page = browser.page;
    pairing = capturePairingToken(page);
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('ends the session with 「載具已拔除，服務已結束」 and leaves nothing behind', async () => {
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '申請憑證' }).click();
    await page.getByText(`載具 ${serial}`).waitFor();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(password);
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('apply-details').waitFor();
    // Logged in to the token, mid-wizard, with something in the page's storage.
    const before = await sessionLeftovers(page, world, pairing.current, serial);
    expect(before.tokenLoggedIn).toBe(true);
    expect(before.agentSession).not.toBeNull();
    await page.evaluate(() => sessionStorage.setItem('left-behind', 'x'));

    world.emulator.remove(serial);
    await page.locator('[data-testid="kiosk-ended"][data-reason="tokenRemoved"]').waitFor();
    await page.getByText('載具已拔除，服務已結束。').waitFor();
    expect(world.emulator.pkcs11Tool(['-L'])).toMatch(/Emulated iKey reader\s+\(empty\)/);

    // Put back, the token is there again but nobody is logged in to it, and the old pairing is dead.
    world.emulator.insert(serial);
    const tokens = await world.agent.services.tokens.tokens();
    expect(tokens.map((t) => t.serial)).toContain(serial);
    expect(await sessionLeftovers(page, world, pairing.current, serial)).toEqual(NO_LEFTOVERS);
  });

  it('a new session on the put-back token asks for the PIN again', async () => {
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '申請憑證' }).click();
    await page.getByText(`載具 ${serial}`).waitFor();
    const token = (await world.agent.services.tokens.tokens()).find((t) => t.serial === serial);
    expect(token?.loggedIn).toBe(false);
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(password);
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('apply-details').waitFor();
    expect((await world.agent.services.tokens.tokens()).find((t) => t.serial === serial)?.loggedIn).toBe(true);
  });
});
