import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { pdfText } from '@app/pdf/pdf-text';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotAfterEach } from '../support/browser';
import { KioskWorld } from '../support/kiosk-world';
import { crlEntry, OpenSsl } from '../support/openssl';
import { certificateFromToken, tokenObjectIds } from '../support/token-objects';

const PIN = '246810';
const NEW_PIN = '13572468';
const CUSTOMER = SEED_CUSTOMERS[3];

/**
 * A customer applies on an emulated iKey at the kiosk: a teller pairs the kiosk, the customer goes
 * through the four steps, waits for the CA (6025), and leaves with both certificates on the token.
 */
describe('kiosk: apply on an iKey in Chromium (real agent on the emulator, real API on MariaDB)', () => {
  let world: KioskWorld;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let serial: string;
  let application: { id: string; commonName: string; password: string };
  let pairingToken = '';
  const ssl = new OpenSsl();

  beforeAll(async () => {
    // Three tries before the lock, so the final-try warning is two wrong PINs away.
    world = await KioskWorld.start('browser-kiosk-apply', { keygenDelayMs: 1500, maxPinTries: 3 });
    serial = world.emulator.addToken({ label: 'iKey customer', type: 'IKEY', pin: PIN });
    const teller = await world.signIn('teller01');
    application = await world.counterApplication(CUSTOMER, serial, teller);
    ssl.file('chain.pem', await (await fetch(`${world.url}/pki/chain.pem`)).text());
    browser = await launchChromium();
    page = browser.page;
    page.on('response', (response) => {
      if (!response.url().endsWith('/graphql')) return;
      void response
        .json()
        .then((body: { data?: { pairKioskAgent?: { token: string } } }) => {
          if (body.data?.pairKioskAgent) pairingToken = body.data.pairKioskAgent.token;
        })
        .catch(() => undefined);
    });
  });
  screenshotAfterEach(() => page);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    ssl.close();
  });

  it('a teller signs in on the kiosk page and pairs it with the agent; the staff token goes', async () => {
    await page.goto(world.kioskUrl);
    await page.getByText('查詢日期').waitFor();
    await page.getByText('查詢時間').waitFor();
    await page.getByLabel('帳號').fill('teller01');
    await page.getByLabel('密碼').fill('Teller01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('button', { name: '開始客戶服務' }).click();
    await page.getByRole('button', { name: '申請憑證' }).waitFor();
    expect(pairingToken).toMatch(/^kp1\./);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    const [started] = await world.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'KIOSK_SESSION_STARTED'",
    );
    expect(Number(started.n)).toBe(1);
  });

  it('walks select → confirm → terms → result with live progress, and shows 6025 while the CA issues', async () => {
    await page.getByRole('button', { name: '申請憑證' }).click();
    await expect(page.getByTestId('wizard-steps').innerText()).resolves.toMatch(
      /選擇[\s\S]*確認[\s\S]*同意條款[\s\S]*結果/,
    );
    await page.getByText(`載具 ${serial}`).waitFor();
    await page.getByLabel('身分證字號／統一編號').fill(CUSTOMER.idNumber);
    await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(application.password);
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '下一步' }).click();

    const details = page.getByTestId('apply-details');
    await details.waitFor();
    await expect(details.innerText()).resolves.toContain(application.commonName);
    await expect(details.innerText()).resolves.toContain(CUSTOMER.email);
    await expect(details.innerText()).resolves.toContain('iKey');
    await page.getByRole('button', { name: '資料正確' }).click();

    await page.getByTestId('terms-text').waitFor();
    const apply = page.getByRole('button', { name: '產生金鑰並送出申請' });
    expect(await apply.isDisabled()).toBe(true);
    await page.getByLabel('我已閱讀並同意上述條款').check();
    await apply.click();

    await page.getByText('正在載具上產生金鑰對').waitFor();
    await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-code="CA_ISSUING"]').innerText()).resolves.toContain('(6025)');
    const pending = await world.dataSource.query(
      'SELECT `usage`, status FROM certificates WHERE customer_id = ? ORDER BY `usage`',
      [CUSTOMER.id],
    );
    expect(pending).toEqual([
      { usage: 'ENCRYPTION', status: 'PENDING' },
      { usage: 'SIGNING', status: 'PENDING' },
    ]);
    const [audit] = await world.dataSource.query(
      "SELECT `after` FROM audit_events WHERE action = 'APPLICATION_APPLIED' AND target_id = ?",
      [application.id],
    );
    expect(String(audit.after)).toMatch(/"termsVersion":"\d{4}-\d{2}-\d{2}"/);
  });

  it('downloads and installs once the CA has signed: two certificates with matching keys, ACTIVE', async () => {
    await world.signPending();
    await page.getByRole('button', { name: '再試一次' }).click();
    await page.getByTestId('apply-installed').waitFor({ timeout: 60_000 });
    await page.getByText('您的簽章與加密憑證已寫入載具。').waitFor();

    const ids = tokenObjectIds(world.emulator, 'iKey customer', PIN);
    expect(ids.certificate).toHaveLength(2);
    expect(ids.certificate).toEqual(ids.privateKey);
    expect(ids.certificate).toEqual(ids.publicKey);
    // Read back from the token itself, not from the API: what a relying party will be shown.
    const onToken = ids.certificate.map((id) => {
      const pem = certificateFromToken(world.emulator, 'iKey customer', id, ssl);
      expect(ssl.verify(pem)).toMatch(new RegExp(`^${id}\\.pem: OK$`, 'm'));
      return /serial=(\w+)/.exec(ssl.run('x509', '-in', pem, '-noout', '-serial'))?.[1];
    });
    const issued = await world.dataSource.query(
      'SELECT serial_hex AS serialHex FROM certificates WHERE customer_id = ?',
      [CUSTOMER.id],
    );
    expect(onToken.map((s) => s?.replace(/^0+/, '').toUpperCase()).sort()).toEqual(
      issued.map((r: { serialHex: string }) => r.serialHex.replace(/^0+/, '').toUpperCase()).sort(),
    );

    const rows = await world.dataSource.query('SELECT c.status, c.medium FROM certificates c WHERE c.customer_id = ?', [
      CUSTOMER.id,
    ]);
    expect(rows).toEqual([
      { status: 'ACTIVE', medium: 'IKEY' },
      { status: 'ACTIVE', medium: 'IKEY' },
    ]);
    const [app] = await world.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [
      application.id,
    ]);
    expect(app).toEqual({ status: 'COMPLETED' });
  });

  it('ending the session logs the agent out of the token and leaves the page storage empty', async () => {
    const before = await world.agent.services.tokens.tokens();
    expect(before.find((t) => t.serial === serial)?.loggedIn).toBe(true);
    await page.evaluate(() => sessionStorage.setItem('left-behind', 'x'));

    await page.getByRole('button', { name: '結束服務' }).click();
    await page.getByTestId('kiosk-ended').waitFor();
    await page.getByText('您已按下「結束服務」，服務已結束。').waitFor();

    const after = await world.agent.services.tokens.tokens();
    expect(after.find((t) => t.serial === serial)?.loggedIn).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    const refused = await fetch(`${world.agent.url}/v1/tokens`, {
      headers: { origin: world.url, authorization: `Pairing ${pairingToken}` },
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('AGENT_SESSION_ENDED');
  });

  it('a returning customer proves with the token, sees both certificates, holds one and gets the proof sheet', async () => {
    await page.getByRole('button', { name: '櫃員：開始客戶自助服務' }).click();
    await page.getByLabel('帳號').fill('teller01');
    await page.getByLabel('密碼').fill('Teller01!demo');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('button', { name: '開始客戶服務' }).click();
    await page.getByRole('button', { name: '查詢我的憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(PIN);
    await page.getByRole('button', { name: '查詢我的憑證' }).click();

    const table = page.getByTestId('my-certificates');
    await table.waitFor();
    const [signing] = await world.dataSource.query(
      "SELECT id, serial_hex AS serialHex FROM certificates WHERE customer_id = ? AND `usage` = 'SIGNING'",
      [CUSTOMER.id],
    );
    const row = table.locator(`tr[data-serial="${signing.serialHex}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('ACTIVE');
    await expect(table.locator('tbody tr').count()).resolves.toBe(2);

    const sheets: Buffer[] = [];
    await browser.context.route('**/kiosk/certificates/*/proof-sheet', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      sheets.push(body);
      await route.fulfill({ response, body });
    });
    const sheet = page.waitForResponse((r) => r.url().endsWith(`/kiosk/certificates/${signing.id}/proof-sheet`));
    await row.getByRole('button', { name: '列印或儲存憑證證明單' }).click();
    expect((await sheet).status()).toBe(200);
    expect(sheets).toHaveLength(1);
    const text = pdfText(sheets[0]);
    expect(text).toContain('憑證證明單');
    expect(text.replace(/[\s:]+/g, '').toLowerCase()).toContain(signing.serialHex.toLowerCase());

    const crl = async () => ssl.crlText(new Uint8Array(await (await fetch(`${world.url}/pki/crl`)).arrayBuffer()));
    expect(crlEntry(await crl(), signing.serialHex)).toBeNull();
    await row.getByRole('button', { name: '暫禁' }).click();
    await page.getByText(`確定要暫禁憑證 ${signing.serialHex} 嗎？`, { exact: false }).waitFor();
    await row.getByRole('button', { name: '確定暫禁' }).click();
    await page.getByText('請再次確認：暫禁後只能由櫃員臨櫃辦理解除。').waitFor();
    expect((await world.dataSource.query('SELECT status FROM certificates WHERE id = ?', [signing.id]))[0]).toEqual({
      status: 'ACTIVE',
    });
    await row.getByRole('button', { name: '確定暫禁' }).click();
    await page.getByTestId('suspend-notice').waitFor();
    await expect(page.getByTestId('suspend-notice').innerText()).resolves.toContain('只能臨櫃辦理解除');
    await expect(row.getAttribute('data-status')).resolves.toBe('SUSPENDED');
    expect((await world.dataSource.query('SELECT status FROM certificates WHERE id = ?', [signing.id]))[0]).toEqual({
      status: 'SUSPENDED',
    });
    // Relying parties learn of the hold at once: the CRL the API serves now lists it, and OCSP agrees.
    expect(crlEntry(await crl(), signing.serialHex)).toMatch(/CRL Reason Code:\s*Certificate Hold/);
    const [{ der }] = await world.dataSource.query('SELECT der FROM certificates WHERE id = ?', [signing.id]);
    ssl.file('held.der', der);
    ssl.run('x509', '-inform', 'DER', '-in', 'held.der', '-out', 'held.pem');
    ssl.file('issuing.der', new Uint8Array(await (await fetch(`${world.url}/pki/ca.crt`)).arrayBuffer()));
    ssl.run('x509', '-inform', 'DER', '-in', 'issuing.der', '-out', 'issuing.pem');
    const ocsp = ['ocsp', '-issuer', 'issuing.pem', '-cert', 'held.pem', '-url', `${world.url}/pki/ocsp`];
    await expect(ssl.runAsync(...ocsp, '-CAfile', 'chain.pem')).resolves.toMatch(
      /held\.pem: revoked[\s\S]*Reason: certificateHold/,
    );
    // No way back from the kiosk: the held row offers no second hold, only the proof sheet.
    await expect(row.getByRole('button', { name: '暫禁' }).count()).resolves.toBe(0);
  });

  it('changes the token PIN: tries left shown, the final try only after a warning', async () => {
    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '變更載具密碼' }).click();
    const state = page.getByTestId('pin-state');
    await expect(state.getAttribute('data-state')).resolves.toBe('ok');
    // The old PIN first: the new one is asked only once the token is proven the customer's own.
    const next = page.getByRole('button', { name: '下一步' });
    const attempt = async (oldPin: string) => {
      await page.getByLabel('目前的載具密碼').fill(oldPin);
      await next.click();
    };
    await attempt('000000');
    await page.locator('[data-code="TOKEN_PIN_INCORRECT"]').waitFor();
    await page.locator('[data-testid="pin-state"][data-state="countLow"]').waitFor();
    await attempt('111111');
    await page.locator('[data-testid="pin-state"][data-state="finalTry"]').waitFor();
    expect(world.emulator.wrongPinCount(serial)).toBe(2);

    await page.getByLabel('目前的載具密碼').fill(PIN);
    await page.getByTestId('pin-final-try').waitFor();
    expect(await next.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '我了解，使用此密碼' }).click();
    await next.click();
    await page.getByTestId('token-owned').waitFor();
    await page.getByLabel('新的載具密碼（6 至 16 個字元）').fill(NEW_PIN);
    await page.getByLabel('再次輸入新的載具密碼').fill(NEW_PIN);
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.getByTestId('pin-changed').waitFor();
    expect(world.emulator.wrongPinCount(serial)).toBe(0);
    expect(() =>
      world.emulator.pkcs11Tool(['--token-label', 'iKey customer', '--login', '--pin', NEW_PIN, '-O']),
    ).not.toThrow();
  });

  it('deletes a revoked certificate and its keys from the token, and keeps the live one', async () => {
    const [signing] = await world.dataSource.query(
      "SELECT id, serial_hex AS serialHex FROM certificates WHERE customer_id = ? AND `usage` = 'SIGNING'",
      [CUSTOMER.id],
    );
    // As if the counter had revoked it after the hold.
    await world.dataSource.query("UPDATE certificates SET status = 'REVOKED' WHERE id = ?", [signing.id]);
    const before = tokenObjectIds(world.emulator, 'iKey customer', NEW_PIN);

    await page.getByRole('button', { name: '回到服務選單' }).click();
    await page.getByRole('button', { name: '刪除載具中過期或失效的憑證' }).click();
    await page.getByLabel('載具密碼（PIN）').fill(NEW_PIN);
    await page.getByRole('button', { name: '下一步' }).click();
    const table = page.getByTestId('token-certificates');
    await table.waitFor();
    const rows = table.locator('tr');
    await expect(rows.count()).resolves.toBe(2);
    const revoked = table.locator('tr[data-deletable="true"]');
    await expect(revoked.count()).resolves.toBe(1);
    await expect(revoked.innerText()).resolves.toContain('已廢止');
    await expect(table.locator('tr[data-deletable="false"]').innerText()).resolves.toContain('有效');

    await revoked.getByRole('button', { name: '刪除' }).click();
    await revoked.getByRole('button', { name: '確定刪除' }).click();
    await table.locator('tr[data-deletable="true"]').waitFor({ state: 'detached' });
    await expect(table.locator('tr').count()).resolves.toBe(1);

    const after = tokenObjectIds(world.emulator, 'iKey customer', NEW_PIN);
    expect(after.certificate).toHaveLength(1);
    expect(after.privateKey).toEqual(after.certificate);
    expect(after.publicKey).toEqual(after.certificate);
    expect(before.certificate).toContain(after.certificate[0]);
  });

  it('switches to English, and an idle customer session ends by itself with the agent told', async () => {
    const idle = await browser.context.newPage();
    // The page's own clock, run forward: the three idle minutes pass without the test waiting them.
    await idle.clock.install();
    await idle.goto(world.kioskUrl);
    await idle.getByRole('button', { name: 'English' }).click();
    await idle.getByText('Certificate self-service').waitFor();
    await idle.getByLabel('Username').fill('teller01');
    await idle.getByLabel('Password').fill('Teller01!demo');
    await idle.getByRole('button', { name: 'Sign in' }).click();
    await idle.getByRole('button', { name: 'Start customer session' }).click();
    await idle.getByRole('button', { name: 'Apply for certificates' }).waitFor();
    expect(world.agent.services.sessions.currentId).toBeDefined();

    await idle.clock.fastForward('02:00');
    await idle.getByRole('button', { name: 'Apply for certificates' }).waitFor();
    await idle.clock.fastForward('01:01');
    await idle.locator('[data-testid="kiosk-ended"][data-reason="idle"]').waitFor();
    await idle.getByText('The session ended because nothing happened for a while.').waitFor();
    expect(world.agent.services.sessions.currentId).toBeUndefined();
    // The suite leaves nothing behind: the customer's token, logged in on the first page, is logged out.
    expect((await world.agent.services.tokens.tokens()).every((t) => !t.loggedIn)).toBe(true);
    expect(await idle.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    await idle.close();
  });
});
