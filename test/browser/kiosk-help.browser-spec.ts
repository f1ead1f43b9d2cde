import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERRORS } from '@app/contracts';
import { AGENT_VERSION } from '@app/kiosk-agent/version';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { startCustomerSession } from '../support/kiosk-page';
import { KioskWorld } from '../support/kiosk-world';

const PIN = '864213';
const CUSTOMER = SEED_CUSTOMERS[5];
const ROC_DATE_TIME = /\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/;

/** The finished check (not the "checking…" state) and one of its lines. */
async function finishedCheck(page: Page): Promise<Locator> {
  const check = page.locator('[data-testid="environment-check"]:not([data-state="running"])');
  await check.waitFor();
  return check;
}

/** The FAQ dialog opened by a 說明 link: open, scrolled to the row of `code`, which is marked. */
async function expectFaqAt(page: Page, code: string): Promise<Locator> {
  const dialog = page.getByTestId('faq-dialog');
  const row = dialog.locator(`tr[id="${code}"]`);
  await row.and(page.locator('[aria-current="true"]')).waitFor();
  // The answer is on screen, not somewhere below the questions.
  await row.evaluate(
    (el) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const look = () => {
          const box = el.closest('.MuiDialogContent-root')?.getBoundingClientRect();
          const top = el.getBoundingClientRect().top;
          if (box && top >= box.top - 2 && top < box.bottom) resolve();
          else if (Date.now() - started > 5000) reject(new Error(`row at ${top}, content ${box?.top}–${box?.bottom}`));
          else requestAnimationFrame(look);
        };
        look();
      }),
  );
  return row;
}

/**
 * The kiosk's environment check (manual 18) and its FAQ with the message codes (19 and the
 * appendix), on the real agent with an emulated iKey: before a teller signs in, during a customer
 * session, with a token on its final PIN try, and with the agent gone; and the 說明 link of an
 * error in a wizard, which must leave the wizard and the session as they were.
 */
describe('kiosk: environment check and FAQ in Chromium (real agent on the emulator, real API on MariaDB)', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let serial: string;
  let password: string;

  beforeAll(async () => {
    // Three tries before the lock, so the final try is two wrong PINs away.
    world = await KioskWorld.start('browser-kiosk-help', { maxPinTries: 3 });
    serial = world.emulator.addToken({ label: 'iKey help', type: 'IKEY', pin: PIN });
    const teller = await world.signIn('teller01');
    ({ password } = await world.counterApplication(CUSTOMER, serial, teller));
    browser = await launchChromium();
    page = browser.page;
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('before sign-in, the check shows the agent version and the clock, and leaves the token to a session', async () => {
    await page.goto(world.kioskUrl);
    await page.getByRole('button', { name: '系統環境偵測' }).click();
    const check = await finishedCheck(page);

    const agent = check.getByTestId('check-agent');
    await expect(agent.getAttribute('data-state')).resolves.toBe('ok');
    await expect(agent.innerText()).resolves.toContain(`執行中，版本 ${AGENT_VERSION}`);
    const clock = check.getByTestId('check-clock');
    await expect(clock.getAttribute('data-state')).resolves.toBe('ok');
    const clockText = await clock.innerText();
    expect(clockText).toMatch(/與伺服器相差 \d+ 秒/);
    expect(clockText).toMatch(ROC_DATE_TIME);
    await expect(check.getByTestId('check-browser').getAttribute('data-state')).resolves.toBe('ok');
    // No pairing yet: nothing about the module or the token.
    await expect(check.getByTestId('check-module').count()).resolves.toBe(0);
    await check.getByText('須由櫃員開始客戶服務後才能檢查').waitFor();
  });

  it('says when this computer is ten minutes behind the server, with the fix and its FAQ answer', async () => {
    // A browser of its own: Playwright's clock holds for a whole context, and the rest of the suite
    // needs the real time. Only the page's clock is set back; the server and the agent keep theirs.
    const other = await launchChromium();
    try {
      const late = other.page;
      await late.clock.setFixedTime(new Date(Date.now() - 10 * 60_000));
      await late.goto(world.kioskUrl);
      await late.getByRole('button', { name: '系統環境偵測' }).click();
      const clock = (await finishedCheck(late)).getByTestId('check-clock');
      await expect(clock.getAttribute('data-state')).resolves.toBe('fail');
      await expect(clock.getAttribute('data-code')).resolves.toBe('CLOCK_SKEW');
      await expect(clock.innerText()).resolves.toContain('比伺服器慢約 10 分鐘');
      await expect(clock.getByTestId('check-remedy').innerText()).resolves.toBe(ERRORS.CLOCK_SKEW.remedy['zh-TW']);
      await clock.getByTestId('faq-link').click();
      const row = await expectFaqAt(late, 'CLOCK_SKEW');
      await expect(row.innerText()).resolves.toContain('時區（台北，UTC+8）');
    } finally {
      await other.close();
    }
  });

  it("in a session, the check shows the module, the emulated iKey's serial and room, and its PIN state", async () => {
    await startCustomerSession(page, world);
    await page.getByRole('button', { name: '系統環境偵測' }).click();
    const check = await finishedCheck(page);
    const module = world.agent.services.tokens.moduleInfo();

    const moduleLine = check.getByTestId('check-module');
    await expect(moduleLine.getAttribute('data-state')).resolves.toBe('ok');
    const moduleText = await moduleLine.innerText();
    for (const part of [module.manufacturer, module.description, module.libraryVersion, module.cryptokiVersion])
      expect(moduleText).toContain(part);
    const token = check.getByTestId(`check-token-${serial}`);
    await expect(token.getAttribute('data-state')).resolves.toBe('ok');
    await expect(token.innerText()).resolves.toContain(`已辨識 iKey ${serial}，最多可存放 6 張憑證`);
    const pin = check.getByTestId(`check-pin-${serial}`);
    await expect(pin.getAttribute('data-state')).resolves.toBe('ok');
    await expect(pin.innerText()).resolves.toContain(`載具 ${serial}：密碼狀態正常`);
    await expect(check.getByTestId('check-agent').innerText()).resolves.toContain(AGENT_VERSION);
    await expect(check.getByTestId('check-clock').getAttribute('data-state')).resolves.toBe('ok');
  });

  it('an error in the apply wizard links to its own answer; closing it leaves the step and the session as they were', async () => {
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '申請憑證' }).click();
    await page.getByText(`載具 ${serial}`).waitFor();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill('WRONG2345');
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    const error = page.locator('[data-code="APPLICATION_PASSWORD_WRONG"]');
    await error.waitFor();
    const sessionId = world.agent.services.sessions.currentId;
    expect(sessionId).toBeDefined();

    await error.getByRole('button', { name: '說明' }).click();
    const row = await expectFaqAt(page, 'APPLICATION_PASSWORD_WRONG');
    await expect(row.innerText()).resolves.toContain(ERRORS.APPLICATION_PASSWORD_WRONG.remedy['zh-TW']);
    await page.getByTestId('faq-dialog').getByRole('button', { name: '關閉' }).click();
    await page.getByTestId('faq-dialog').waitFor({ state: 'detached' });

    // Same step, same entries, same error, same session.
    await error.waitFor();
    await expect(page.getByLabel('身分證字號／統一編號').inputValue()).resolves.toBe(CUSTOMER.idNumber);
    await expect(page.getByLabel('申請密碼（密碼通知書上的密碼）').inputValue()).resolves.toBe('WRONG2345');
    expect(world.agent.services.sessions.currentId).toBe(sessionId);
    await page.getByRole('button', { name: '結束服務' }).waitFor();
    // And the wizard goes on from there.
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(password);
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('apply-details').waitFor();
  });

  it('with the token on its final PIN try, the check warns and gives the fix', async () => {
    for (const wrong of ['000000', '111111'])
      await expect(world.agent.services.tokens.login(serial, wrong, false)).rejects.toMatchObject({
        code: expect.stringMatching(/^TOKEN_PIN_(INCORRECT|FINAL_TRY)$/),
      });
    expect(world.emulator.wrongPinCount(serial)).toBe(2);

    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '系統環境偵測' }).click();
    const pin = (await finishedCheck(page)).getByTestId(`check-pin-${serial}`);
    await expect(pin.getAttribute('data-state')).resolves.toBe('warn');
    await expect(pin.getAttribute('data-code')).resolves.toBe('TOKEN_PIN_FINAL_TRY');
    await expect(pin.innerText()).resolves.toContain('只剩最後一次機會');
    await expect(pin.getByTestId('check-remedy').innerText()).resolves.toBe(ERRORS.TOKEN_PIN_FINAL_TRY.remedy['zh-TW']);
    await expect(page.getByTestId('environment-overall').innerText()).resolves.not.toBe('一切就緒。');
    await pin.getByTestId('faq-link').click();
    await expectFaqAt(page, 'TOKEN_PIN_FINAL_TRY');
    await page.getByTestId('faq-dialog').getByRole('button', { name: '關閉' }).click();
  });

  it("lists the manual's four codes first with their causes, answers questions, and translates on the switch", async () => {
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '常見問題與訊息代碼' }).click();
    const table = page.getByTestId('message-codes');
    const manual = [
      ['CA_ISSUING', '6025', '尚未簽發完成'],
      ['NOTHING_TO_DOWNLOAD', '6036', '可能已下載過'],
      ['PRIVATE_KEY_NOT_FOUND', '80092004', '不是當初產生金鑰的那一個'],
      ['ACCESS_DENIED', '80070005', '憑證服務程式拒絕了要求'],
    ];
    for (const [code, number, cause] of manual) {
      const text = await table.locator(`tr[id="${code}"]`).innerText();
      expect(text).toContain(number);
      expect(text).toContain(cause);
    }
    await expect(table.locator('tbody tr').first().getAttribute('id')).resolves.toBe('CA_ISSUING');
    // Our own codes follow, e.g. the one a stopped agent gives.
    await expect(table.locator('tr[id="AGENT_UNREACHABLE"]').innerText()).resolves.toContain(
      '無法連線到本機的憑證服務程式',
    );

    await page.getByRole('button', { name: '忘記載具密碼（PIN）怎麼辦？', exact: true }).click();
    await expect(page.locator('#faq-forgotPin').innerText()).resolves.toContain('連續輸入錯誤 10 次');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Frequently asked questions' }).waitFor();
    await expect(table.locator('tr[id="CA_ISSUING"]').innerText()).resolves.toContain(
      'The CA is still issuing the certificate',
    );
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await page.getByRole('button', { name: 'Environment check' }).click();
    const check = await finishedCheck(page);
    await expect(check.getByTestId('check-agent').innerText()).resolves.toContain(`Running, version ${AGENT_VERSION}`);
    await expect(check.getByTestId(`check-pin-${serial}`).innerText()).resolves.toContain(
      'one try left; another wrong PIN locks the token',
    );
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '系統環境偵測' }).waitFor();
  });

  it('reading the FAQ over a wizard is activity: touches in it keep the session, only real idleness ends it', async () => {
    // A browser of its own, on a clock the test runs forward (no waiting three minutes); its
    // pairing takes the kiosk over from the first page's session.
    const other = await launchChromium();
    try {
      const idle = other.page;
      await idle.clock.install();
      await startCustomerSession(idle, world);
      await idle.getByRole('button', { name: '申請憑證' }).click();
      await idle.getByText(`載具 ${serial}`).waitFor();
      await idle.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
      await idle.getByLabel('申請密碼（密碼通知書上的密碼）').fill('WRONG2345');
      await idle.getByLabel('載具密碼（PIN）').fill(PIN);
      // The token is still on its final try from the test before: the right PIN, once warned.
      await idle.getByRole('button', { name: '我了解，使用此密碼' }).click();
      await idle.getByRole('button', { name: '下一步' }).click();
      await idle.locator('[data-code="APPLICATION_PASSWORD_WRONG"]').getByRole('button', { name: '說明' }).click();
      await expectFaqAt(idle, 'APPLICATION_PASSWORD_WRONG');
      const dialog = idle.getByTestId('faq-dialog');

      await idle.clock.fastForward('02:30');
      await dialog.getByRole('button', { name: '服務為什麼自己結束了？', exact: true }).click();
      await idle.clock.fastForward('02:30');
      // Five minutes since the wizard's last touch, two and a half since the one in the FAQ.
      await dialog.getByRole('button', { name: '關閉' }).click();
      await idle.getByLabel('身分證字號／統一編號').waitFor();
      await expect(idle.getByTestId('kiosk-ended').count()).resolves.toBe(0);
      expect(world.agent.services.sessions.currentId).toBeDefined();

      await idle.clock.fastForward('03:01');
      await idle.locator('[data-testid="kiosk-ended"][data-reason="idle"]').waitFor();
    } finally {
      await other.close();
    }
  });

  it('with the agent stopped, the first-screen check says it is not reachable, with its fix', async () => {
    // The session of this page was taken over by the previous test's browser: start afresh.
    await page.goto(world.kioskUrl);
    await page.getByRole('button', { name: '登入' }).waitFor();
    await world.agent.close();

    await page.getByRole('button', { name: '系統環境偵測' }).click();
    const agent = (await finishedCheck(page)).getByTestId('check-agent');
    await expect(agent.getAttribute('data-state')).resolves.toBe('fail');
    await expect(agent.getAttribute('data-code')).resolves.toBe('AGENT_UNREACHABLE');
    await expect(agent.innerText()).resolves.toContain('無法連線');
    await expect(agent.getByTestId('check-remedy').innerText()).resolves.toBe(ERRORS.AGENT_UNREACHABLE.remedy['zh-TW']);
    await expect(page.getByTestId('environment-overall').innerText()).resolves.toContain('有項目異常');
    await agent.getByTestId('faq-link').click();
    await expectFaqAt(page, 'AGENT_UNREACHABLE');
  });
});
