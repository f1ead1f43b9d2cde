import type { Page } from 'playwright-core';
import type { KioskWorld } from './kiosk-world';

/** A teller opens the kiosk page, signs in and starts a customer session on it (zh-TW labels). */
export async function startCustomerSession(page: Page, world: KioskWorld, username = 'teller01'): Promise<void> {
  await page.goto(world.kioskUrl);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(username === 'teller01' ? 'Teller01!demo' : 'Supervisor01!demo');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('button', { name: '開始客戶服務' }).click();
  await page.getByRole('button', { name: '申請憑證' }).waitFor();
}

/** The teller pairs the page with the agent of the PC corner (not the first kiosk the list offers). */
export async function startPcSession(page: Page, world: KioskWorld): Promise<void> {
  await page.goto(world.kioskUrl);
  await page.getByLabel('帳號').fill('teller01');
  await page.getByLabel('密碼').fill('Teller01!demo');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByLabel('自助服務機').click();
  await page.getByRole('option', { name: new RegExp(world.kioskCode) }).click();
  await page.getByRole('button', { name: '開始客戶服務' }).click();
  await page.getByTestId('pc-functions').waitFor();
}

/** Step 1 to 3 of the apply wizard for `customer`, up to the click that makes the keys. */
export async function applyUpToKeys(page: Page, idNumber: string, password: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: '申請憑證' }).click();
  await page
    .getByTestId('token-status')
    .getByText(/^載具 /)
    .waitFor();
  await page.getByLabel('身分證字號／統一編號').fill(idNumber);
  await page.getByLabel('申請密碼（密碼通知書上的密碼）').fill(password);
  await page.getByLabel('載具密碼（PIN）').fill(pin);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '資料正確' }).click();
  await page.getByLabel('我已閱讀並同意上述條款').check();
  await page.getByRole('button', { name: '產生金鑰並送出申請' }).click();
}

/**
 * The page says 6025 while the CA issues; the CA signs (as the issuance worker would) and the customer
 * presses 再試一次. The caller waits for what its wizard shows once the certificates are in.
 */
export async function retryOnceSigned(page: Page, world: KioskWorld): Promise<void> {
  await page.locator('[data-code="CA_ISSUING"]').waitFor({ timeout: 60_000 });
  await world.signPending();
  await page.getByRole('button', { name: '再試一次' }).click();
}

/** At 下載憑證 for keys still waiting for their certificates: the customer proves with `idNumber`. */
export async function proveWithIdNumber(page: Page, idNumber: string): Promise<void> {
  const form = page.getByTestId('download-later');
  await form.getByLabel('身分證字號／統一編號').fill(idNumber);
  await form.getByRole('button', { name: '證明身分並下載憑證' }).click();
}

/** The customer presses 結束服務 and the page says the session is over. */
export async function endSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: '結束服務' }).click();
  await page.getByTestId('kiosk-ended').waitFor();
}

/** Keeps the pairing token the API gives the page, so a test can try it on the agent once the session is over. */
export function capturePairingToken(page: Page): { readonly current: string } {
  const captured = { current: '' };
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql')) return;
    void response
      .json()
      .then((body: { data?: { pairKioskAgent?: { token: string } } }) => {
        if (body.data?.pairKioskAgent) captured.current = body.data.pairKioskAgent.token;
      })
      .catch(() => undefined);
  });
  return captured;
}

/**
 * What an ended session left behind, for a test to expect nothing: the agent's login to the token,
 * its customer session, the old pairing's answer, and the page's storage.
 */
export async function sessionLeftovers(page: Page, world: KioskWorld, pairingToken: string, serial: string) {
  const tokens = await world.agent.services.tokens.tokens();
  const refused = await fetch(`${world.agent.url}/v1/tokens`, {
    headers: { origin: world.url, authorization: `Pairing ${pairingToken}` },
  });
  return {
    tokenLoggedIn: tokens.find((t) => t.serial === serial)?.loggedIn ?? false,
    agentSession: world.agent.services.sessions.currentId ?? null,
    oldPairing: { status: refused.status, code: ((await refused.json()) as { code?: string }).code },
    storage: await page.evaluate(() => sessionStorage.length + localStorage.length),
  };
}

/** The leftovers of a session that ended properly: none. */
export const NO_LEFTOVERS = {
  tokenLoggedIn: false,
  agentSession: null,
  oldPairing: { status: 409, code: 'AGENT_SESSION_ENDED' },
  storage: 0,
} as const;
