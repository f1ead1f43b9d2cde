import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { KIOSK_CODE, KioskWorld } from '../support/kiosk-world';

const CUSTOMER = SEED_CUSTOMERS[5];

/** 載具登記 with an agent at the counter: the serial comes from the token, not from typing. */
describe('counter: registering a token read through the kiosk agent (Chromium, emulated iKey)', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let serial: string;

  beforeAll(async () => {
    world = await KioskWorld.start('browser-counter-token-agent');
    serial = world.emulator.addToken({ label: 'iKey for the counter', type: 'IKEY', pin: '246810' });
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('fills the serial and type from the token in the reader and registers it as read by the agent', async () => {
    await page.goto(`${world.url}/?agent=${encodeURIComponent(world.agent.url)}`);
    await page.getByLabel(/^帳號/).fill('teller01');
    await page.getByLabel(/^密碼/).fill('Teller01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByTestId('query-date').waitFor();
    await page.getByRole('menuitem', { name: '載具' }).click();
    await page.getByRole('link', { name: '新增' }).click();

    await page.getByLabel(/^客戶/).fill(CUSTOMER.idNumber);
    await page.getByRole('option', { name: new RegExp(CUSTOMER.idNumber) }).click();
    await page.getByLabel('讀卡機（本機服務程式）').click();
    await page.getByRole('option', { name: new RegExp(KIOSK_CODE) }).click();
    await page.getByRole('button', { name: '從讀卡機讀取' }).click();
    await page.waitForFunction(
      (expected) => document.querySelector<HTMLInputElement>('input[name="serial"]')?.value === expected,
      serial,
    );
    expect(await page.getByLabel(/^載具序號/).inputValue()).toBe(serial);
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('cell', { name: serial }).waitFor();

    const [row] = await world.dataSource.query(
      "SELECT t.type, t.owner_customer_id, e.`after` FROM tokens t JOIN audit_events e ON e.target_id = t.id AND e.action = 'TOKEN_REGISTERED' WHERE t.serial = ?",
      [serial],
    );
    expect(row).toMatchObject({ type: 'IKEY', owner_customer_id: CUSTOMER.id });
    expect(JSON.parse(row.after)).toMatchObject({ serial, serialSource: 'AGENT' });
    // one pairing for the read, audited like a kiosk session
    const [ended] = await world.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'KIOSK_SESSION_STARTED'",
    );
    expect(Number(ended.n)).toBe(1);
  });
});
