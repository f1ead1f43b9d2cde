/**
 * The terms the customer accepts at the kiosk before keys are made. Our own short text, not the
 * bank's legal one; a change of wording means a new version, and the version accepted is recorded
 * in the audit event of the application (APPLICATION_APPLIED / CERTIFICATES_RENEWAL_REQUESTED).
 */
export const TERMS_OF_USE = {
  version: '2026-11-01',
  'zh-TW': [
    '一、本憑證供您於本行外匯電子交易（FXML）使用，簽章憑證用於交易簽章，加密憑證用於資料加密。',
    '二、金鑰於您的載具或電腦上產生，私密金鑰不會離開該載具或電腦，本行與憑證中心均無法取得。',
    '三、請妥善保管載具與密碼（PIN），勿交付他人；如有遺失或遭他人使用之虞，請立即於線上暫禁憑證並至分行辦理。',
    '四、暫禁之憑證僅能由本人攜帶身分證件至分行臨櫃辦理解禁。',
    '五、憑證效期屆滿前一個月內可於線上更新；逾期未更新者須重新至分行申請。',
    '六、以本憑證所為之電子簽章，與您親自簽名或蓋章具有同等效力。',
  ].join('\n'),
  en: [
    '1. This certificate is for your FXML foreign-exchange e-banking with the bank: the signing certificate signs transactions, the encryption certificate protects data.',
    '2. The keys are generated on your token or computer; the private keys never leave it, and neither the bank nor the CA can obtain them.',
    '3. Keep the token and its PIN to yourself; if they may be lost or used by someone else, suspend the certificate online at once and contact a branch.',
    '4. A suspended certificate is released only at a branch counter, in person with your ID.',
    '5. The certificate can be renewed online in the month before it expires; after that, apply again at a branch.',
    '6. A signature made with this certificate binds you as your own handwritten signature or seal does.',
  ].join('\n'),
} as const;
