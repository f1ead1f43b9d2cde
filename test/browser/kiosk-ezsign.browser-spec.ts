import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { applyUpToKeys, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const PIN = '975310';
const CUSTOMER = SEED_CUSTOMERS[4];

/**
 * On an ezSign every key generation and signature waits for the token's button: the page must say
 * so while it waits, and go on once the customer presses.
 */
describe('kiosk: ezSign button prompt in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let serial: string;
  let password: string;

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-ezsign', {
      // The emulated customer presses a while after each prompt, long enough for the page to show it.
      button: { mode: 'delay', delayMs: 1500, timeoutMs: 30_000 },
    });
    serial = world.emulator.addToken({ label: 'ezSign customer', type: 'EZSIGN', pin: PIN });
    const teller = await world.signIn('teller01');
    ({ password } = await world.counterApplication(CUSTOMER, serial, teller, 'EZSIGN'));
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('shows the button prompt with its countdown while the token waits, and applies once pressed', async () => {
    await startCustomerSession(page, world);
    await applyUpToKeys(page, CUSTOMER.idNumber, password, PIN);

    const prompt = page.getByTestId('kiosk-progress').getByText(/^請按下 ezSign 載具上的按鈕（剩餘 \d+ 秒）$/);
    const issuing = page.locator('[data-code="CA_ISSUING"]');
    await prompt.waitFor();
    await issuing.waitFor({ timeout: 60_000 });
    const rows = await world.dataSource.query(
      "SELECT status, medium FROM certificates WHERE customer_id = ? AND medium = 'EZSIGN'",
      [CUSTOMER.id],
    );
    expect(rows).toEqual([
      { status: 'PENDING', medium: 'EZSIGN' },
      { status: 'PENDING', medium: 'EZSIGN' },
    ]);
  });
});
