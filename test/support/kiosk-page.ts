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
