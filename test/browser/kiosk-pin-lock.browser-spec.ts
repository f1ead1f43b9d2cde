import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { endSession, startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const PIN = '258013';
const WRONG = '000000';
const CUSTOMER = SEED_CUSTOMERS[7];
const LABELS = {
  apply: 'iKey lock apply',
  change: 'iKey lock change',
  cleanup: 'iKey lock cleanup',
  download: 'iKey lock download',
  certificates: 'iKey lock certificates',
} as const;

/**
 * Ten wrong PINs lock an iKey (the emulator's counter, as the real token's), and the page warns
 * before the last one: at the apply wizard's PIN, at 變更載具密碼, at the token clean-up, and at the
 * proof of 下載憑證 and 查詢我的憑證 — each on its own token, the only one in the reader while it is used.
 */
describe('kiosk: ten wrong PINs lock the token, with a warning before the last, in Chromium', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const serials: Record<keyof typeof LABELS, string> = {
    apply: '',
    change: '',
    cleanup: '',
    download: '',
    certificates: '',
  };
  /** PINs the page sent to the agent (login and PIN change), in order. */
  const sent: string[] = [];

  /** Only `which` in the reader, and a fresh customer session at the home menu. */
  async function sessionWith(which: keyof typeof serials): Promise<void> {
    for (const [name, serial] of Object.entries(serials)) {
      if (name === which) world.emulator.insert(serial);
      else world.emulator.remove(serial);
    }
    await startCustomerSession(page, world);
  }

  /** Submits one PIN and waits for the agent's answer to it. */
  async function tryPin(submit: () => Promise<void>): Promise<void> {
    const answered = page.waitForResponse((r) => /\/v1\/tokens\/(login|pin)$/.test(r.url()));
    await submit();
    await answered;
  }

  /** Tries 1–9 wrong: "wrong PIN" and "some wrong tries" each time, then the final-try warning. */
  async function nineWrong(serial: string, submit: () => Promise<void>, state: Locator): Promise<void> {
    for (let i = 1; i <= 9; i++) {
      await tryPin(submit);
      expect(world.emulator.wrongPinCount(serial)).toBe(i);
      await page.locator('[data-code="TOKEN_PIN_INCORRECT"]').getByText('載具密碼（PIN 碼）錯誤。').waitFor();
      await state.and(page.locator(`[data-state="${i < 9 ? 'countLow' : 'finalTry'}"]`)).waitFor();
    }
    await page.getByTestId('pin-final-try').getByText('只剩最後一次機會').waitFor();
  }

  /** The 10th, after the warning was accepted: locked, with the counter as the only way out. */
  async function lockedAfterTenth(serial: string, state: Locator): Promise<void> {
    expect(world.emulator.wrongPinCount(serial)).toBe(10);
    const locked = page.locator('[data-code="TOKEN_PIN_LOCKED"]');
    await locked.getByText('載具密碼錯誤次數過多，載具已鎖定。').waitFor();
    await locked.getByText('鎖定的載具無法自行解除，請攜帶載具與身分證件至分行辦理。').waitFor();
    await state.and(page.locator('[data-state="locked"]')).waitFor();
    // Even the right PIN: the token itself refuses now, not only the page.
    const label = LABELS[Object.entries(serials).find(([, s]) => s === serial)![0] as keyof typeof serials];
    expect(() => world.emulator.pkcs11Tool(['--token-label', label, '--login', '--pin', PIN, '-O'])).toThrow(
      /CKR_PIN_LOCKED/,
    );
  }

  /**
   * The whole guard at one PIN entry: nine wrong tries, the 10th held back (the button off, Enter in
   * the field sends nothing) until the warning is accepted, then sent: the token locks.
   */
  async function wrongPinsToTheLock(
    serial: string,
    { field, submit, state }: { field: Locator; submit: Locator; state: Locator },
  ): Promise<void> {
    const before = sent.length;
    await nineWrong(
      serial,
      async () => {
        await field.fill(WRONG);
        await submit.click();
      },
      state,
    );

    await field.fill(WRONG);
    expect(await submit.isDisabled()).toBe(true);
    await field.press('Enter');
    await page.getByTestId('pin-final-try').waitFor();
    expect(sent.length - before).toBe(9);
    expect(world.emulator.wrongPinCount(serial)).toBe(9);

    await page.getByRole('button', { name: '我了解，使用此密碼' }).click();
    await tryPin(() => submit.click());
    expect(sent.length - before).toBe(10);
    await lockedAfterTenth(serial, state);
  }

  beforeAll(async () => {
    world = await KioskWorld.start('browser-kiosk-pin-lock');
    for (const which of ['apply', 'change', 'cleanup', 'download', 'certificates'] as const)
      serials[which] = world.emulator.addToken({ label: LABELS[which], type: 'IKEY', pin: PIN });
    browser = await launchChromium();
    page = browser.page;
    page.on('request', (request) => {
      if (!/\/v1\/tokens\/(login|pin)$/.test(request.url())) return;
      const body = request.postDataJSON() as { pin?: string; oldPin?: string };
      sent.push(body.pin ?? body.oldPin ?? '');
    });
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('apply wizard: 9 wrong PINs, the 10th refused until the warning is accepted, then locked', async () => {
    await sessionWith('apply');
    await page.getByRole('button', { name: '申請憑證' }).click();
    await page.getByText(`載具 ${serials.apply}`).waitFor();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill('not-read-before-the-pin');
    const pin = page.getByLabel('載具密碼（PIN）');
    const next = page.getByRole('button', { name: '下一步' });
    await wrongPinsToTheLock(serials.apply, { field: pin, submit: next, state: page.getByTestId('pin-field-state') });
    expect(await pin.isDisabled()).toBe(true);
  });

  it('PIN change: the same ten tries, the warning before the last, and the lock', async () => {
    await endSession(page);
    await sessionWith('change');
    await page.getByRole('button', { name: '變更載具密碼' }).click();
    const state = page.getByTestId('pin-state');
    await state.and(page.locator('[data-state="ok"]')).waitFor();
    await state.getByText(serials.change).waitFor();
    // The old PIN first: the new one is asked only once the token is proven the customer's own.
    const pin = page.getByLabel('目前的載具密碼');
    const next = page.getByRole('button', { name: '下一步' });
    await wrongPinsToTheLock(serials.change, { field: pin, submit: next, state });
    await pin.fill(WRONG);
    expect(await next.isDisabled()).toBe(true);
  });

  it('token clean-up: the PIN that opens the list keeps the same guard', async () => {
    await endSession(page);
    await sessionWith('cleanup');
    await page.getByRole('button', { name: '刪除載具中過期或失效的憑證' }).click();
    const state = page.getByTestId('pin-state');
    await state.getByText(serials.cleanup).waitFor();
    const pin = page.getByLabel('載具密碼（PIN）');
    const next = page.getByRole('button', { name: '下一步' });
    await wrongPinsToTheLock(serials.cleanup, { field: pin, submit: next, state });
    expect(await next.isDisabled()).toBe(true);
  });

  it('下載憑證: the PIN of the proof shows the state, and the warning comes before the last PIN is typed', async () => {
    await endSession(page);
    await sessionWith('download');
    await page.getByRole('button', { name: '下載憑證' }).click();
    const pin = page.getByLabel('載具密碼（PIN）');
    const next = page.getByRole('button', { name: '下一步' });
    await wrongPinsToTheLock(serials.download, {
      field: pin,
      submit: next,
      state: page.getByTestId('pin-field-state'),
    });
    expect(await pin.isDisabled()).toBe(true);
  });

  it('查詢我的憑證: the PIN of the proof shows how the token stands after each wrong try, to the lock', async () => {
    await endSession(page);
    await sessionWith('certificates');
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
    await page.getByText('以載具證明您的身分：請輸入載具密碼。').waitFor();
    const pin = page.getByLabel('載具密碼（PIN）');
    const prove = page.getByRole('button', { name: '查詢我的憑證' });
    await wrongPinsToTheLock(serials.certificates, {
      field: pin,
      submit: prove,
      state: page.getByTestId('pin-field-state'),
    });
    expect(await pin.isDisabled()).toBe(true);
    expect(await prove.isDisabled()).toBe(true);
  });
});
