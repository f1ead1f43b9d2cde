/**
 * The one list of error codes spoken by the API, the admin console and the kiosk agent.
 *
 * Each code carries its user-facing message in zh-TW and English (polyglot-style `%{name}`
 * placeholders) and, where a person can fix the cause, a remedy that the FAQ page shows under the
 * anchor `#<CODE>`. The old platform's message numbers (6025, 6036, 80092004, 80070005) ride along
 * as `manualCode` so staff and customers who know them still recognise them.
 */
export type Locale = 'zh-TW' | 'en';
export type Localized = Readonly<Record<Locale, string>>;

export interface ErrorDefinition {
  readonly message: Localized;
  readonly remedy?: Localized;
  readonly manualCode?: string;
}

export const ERRORS = {
  INTERNAL_ERROR: {
    message: {
      'zh-TW': '系統發生未預期的錯誤，請稍後再試；若持續發生，請提供追蹤碼 %{correlationId} 給客服。',
      en: 'Something unexpected went wrong. Try again later; if it persists, give reference %{correlationId} to support.',
    },
  },
  BAD_USER_INPUT: {
    message: {
      'zh-TW': '輸入的資料有誤，請檢查標示的欄位。',
      en: 'Some of the data entered is not valid; check the marked fields.',
    },
  },
  FIELD_REQUIRED: {
    message: { 'zh-TW': '此欄位為必填。', en: 'This field is required.' },
  },
  FIELD_TOO_LONG: {
    message: { 'zh-TW': '長度不可超過 %{max} 個字元。', en: 'Must be at most %{max} characters long.' },
  },
  FIELD_INVALID: {
    message: { 'zh-TW': '格式不正確。', en: 'The format is not valid.' },
  },
  EMAIL_INVALID: {
    message: { 'zh-TW': '電子郵件地址格式不正確。', en: 'This is not a valid e-mail address.' },
    remedy: {
      'zh-TW': '請輸入完整的電子郵件地址，例如 name@example.com.tw，憑證到期通知會寄到這個地址。',
      en: 'Enter the whole address, e.g. name@example.com.tw; expiry reminders are sent there.',
    },
  },
  PHONE_INVALID: {
    message: { 'zh-TW': '電話號碼格式不正確。', en: 'This is not a valid phone number.' },
  },
  ID_NUMBER_INVALID: {
    message: {
      'zh-TW': '身分證統一編號或居留證號不正確，請確認英文字母與檢查碼。',
      en: 'The national ID or resident certificate number is not valid; check the letter(s) and the check digit.',
    },
    remedy: {
      'zh-TW':
        '身分證統一編號為 1 個英文字母加 9 位數字（如 A123456789）；居留證號為 2 個英文字母加 8 位數字，或新式 1 個英文字母加 9 位數字（第 2 碼為 8 或 9）。最後一碼是檢查碼，抄錯任何一碼都會無法通過。',
      en: 'A national ID is one letter and nine digits (e.g. A123456789); a resident certificate number is two letters and eight digits, or the new form of one letter and nine digits starting 8 or 9. The last digit is a check digit, so any mistyped character fails the check.',
    },
  },
  BUSINESS_NUMBER_INVALID: {
    message: {
      'zh-TW': '統一編號不正確，請確認 8 位數字。',
      en: 'The unified business number is not valid; check the 8 digits.',
    },
    remedy: {
      'zh-TW': '統一編號為 8 位數字，依財政部的檢查規則驗證；請對照營業登記資料重新輸入。',
      en: 'A unified business number has 8 digits checked by the Ministry of Finance rule; copy it again from the business registration.',
    },
  },
  CUSTOMER_DUPLICATE: {
    message: { 'zh-TW': '此證號的客戶已存在。', en: 'A customer with this ID number already exists.' },
    remedy: {
      'zh-TW': '請以證號查詢既有客戶資料並直接使用，不需重新建立。',
      en: 'Search for the existing customer by ID number and use that record instead of creating a new one.',
    },
  },
  CUSTOMER_NOT_FOUND: {
    message: { 'zh-TW': '查無此客戶。', en: 'No such customer.' },
  },
  BRANCH_NOT_FOUND: {
    message: { 'zh-TW': '查無此分行。', en: 'No such branch.' },
  },
  STAFF_NOT_FOUND: {
    message: { 'zh-TW': '查無此員工帳號。', en: 'No such staff account.' },
  },
  STAFF_USERNAME_TAKEN: {
    message: { 'zh-TW': '此帳號已被使用。', en: 'This username is already taken.' },
  },
  STAFF_PASSWORD_WEAK: {
    message: {
      'zh-TW': '密碼至少 %{min} 個字元，且須包含英文字母與數字。',
      en: 'The password needs at least %{min} characters with both letters and digits.',
    },
  },
  STALE_UPDATE: {
    message: {
      'zh-TW': '資料已被其他人修改，請重新整理後再試。',
      en: 'Someone else changed this record; reload it and try again.',
    },
  },
  INVALID_STATE_TRANSITION: {
    message: {
      'zh-TW': '目前狀態為「%{from}」，無法變更為「%{to}」。',
      en: 'The status %{from} cannot change to %{to}.',
    },
  },
  OUT_OF_BRANCH: {
    message: { 'zh-TW': '此資料不屬於您的分行，無法處理。', en: 'This record belongs to another branch.' },
  },
  UNAUTHENTICATED: {
    message: { 'zh-TW': '請先登入。', en: 'Please sign in.' },
    remedy: {
      'zh-TW': '登入逾時或尚未登入，請重新登入。',
      en: 'Your sign-in has expired or you are not signed in; sign in again.',
    },
  },
  FORBIDDEN: {
    message: { 'zh-TW': '您的角色沒有執行此功能的權限。', en: 'Your role is not allowed to do this.' },
  },
  SIGN_IN_FAILED: {
    message: { 'zh-TW': '帳號或密碼錯誤。', en: 'Wrong username or password.' },
    remedy: {
      'zh-TW': '請確認大小寫與輸入法；連續錯誤 %{max} 次帳號會暫時鎖定。',
      en: 'Check the letter case and the input method; %{max} wrong tries in a row lock the account for a while.',
    },
  },
  SIGN_IN_LOCKED: {
    message: {
      'zh-TW': '密碼錯誤次數過多，帳號已暫時鎖定，請於 %{minutes} 分鐘後再試或洽系統管理員。',
      en: 'Too many wrong passwords: the account is locked; try again in %{minutes} minutes or ask an administrator.',
    },
    remedy: {
      'zh-TW': '鎖定會自動解除；急用時請系統管理員重設密碼。',
      en: 'The lock lifts by itself; if it cannot wait, an administrator can reset the password.',
    },
  },
  SIGN_IN_THROTTLED: {
    message: {
      'zh-TW': '嘗試登入次數過於頻繁，請稍後再試。',
      en: 'Too many sign-in attempts; wait a moment and try again.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    message: { 'zh-TW': '送出的資料過大。', en: 'The request is too large.' },
  },
  NOT_FOUND: {
    message: { 'zh-TW': '查無資料。', en: 'Not found.' },
  },
  CA_NOT_READY: {
    message: {
      'zh-TW': '憑證中心尚未就緒，請洽系統管理員。',
      en: 'The certificate authority is not ready; contact an administrator.',
    },
  },
  REQUEST_ID_REUSED: {
    message: {
      'zh-TW': '此申請編號已用於另一份憑證請求。',
      en: 'This request id was already used for a different certificate request.',
    },
  },
  CERTIFICATE_NOT_FOUND: {
    message: { 'zh-TW': '查無此憑證。', en: 'No such certificate.' },
  },
  CA_ISSUING: {
    manualCode: '6025',
    message: {
      'zh-TW': '憑證核發中，請稍後再下載。',
      en: 'The CA is still issuing the certificate; download it a little later.',
    },
    remedy: {
      'zh-TW': '憑證中心處理申請需要一點時間，請數分鐘後再執行「憑證下載」。',
      en: 'The CA needs a moment to process the request; run "Download" again in a few minutes.',
    },
  },
  NOTHING_TO_DOWNLOAD: {
    manualCode: '6036',
    message: { 'zh-TW': '目前沒有可下載的憑證。', en: 'There is no certificate to download.' },
    remedy: {
      'zh-TW': '請確認已完成憑證申請或更新；若已下載過，憑證已在載具中。',
      en: 'Check that the application or renewal was completed; if you downloaded before, the certificate is already on the medium.',
    },
  },
  PRIVATE_KEY_NOT_FOUND: {
    manualCode: '80092004',
    message: {
      'zh-TW': '在此載具上找不到對應的私密金鑰。',
      en: 'The private key for this certificate is not on this medium.',
    },
    remedy: {
      'zh-TW': '請插入申請時產生金鑰的同一支載具（或使用同一台電腦）再下載。',
      en: 'Insert the token (or use the computer) on which the keys were generated at application time, then download again.',
    },
  },
  ACCESS_DENIED: {
    manualCode: '80070005',
    message: { 'zh-TW': '存取被拒。', en: 'Access denied.' },
    remedy: {
      'zh-TW': '請由分行的憑證服務頁面操作，並確認服務程式已啟動。',
      en: 'Use the branch certificate page and check that the kiosk agent is running.',
    },
  },
  PKI_DATA_MALFORMED: {
    message: {
      'zh-TW': '憑證資料格式錯誤，無法解讀。',
      en: 'The certificate data is damaged or in an unknown format.',
    },
  },
  PKI_KEY_UNSUPPORTED: {
    message: {
      'zh-TW': '不支援此金鑰演算法（%{algorithm}）。',
      en: 'This key algorithm is not supported (%{algorithm}).',
    },
  },
  CSR_TOO_LARGE: {
    message: {
      'zh-TW': '憑證申請檔過大（上限 %{max} 位元組）。',
      en: 'The certificate request is too large (at most %{max} bytes).',
    },
  },
  CSR_MALFORMED: {
    message: {
      'zh-TW': '憑證申請檔（PKCS#10）格式錯誤，無法解讀。',
      en: 'The certificate request (PKCS#10) is damaged or not a certificate request.',
    },
    remedy: {
      'zh-TW': '請重新執行憑證申請，由系統重新產生金鑰與申請檔；請勿自行修改申請檔內容。',
      en: 'Run the application again so that the keys and the request are generated anew; do not edit the request file.',
    },
  },
  CSR_SIGNATURE_INVALID: {
    message: {
      'zh-TW': '憑證申請檔的簽章驗證失敗，無法證明持有私密金鑰。',
      en: 'The signature on the certificate request does not verify, so it does not prove possession of the private key.',
    },
    remedy: {
      'zh-TW': '申請檔可能在傳送中損毀，請重新執行憑證申請。',
      en: 'The request may have been damaged on the way; run the application again.',
    },
  },
  CSR_KEY_TOO_WEAK: {
    message: {
      'zh-TW': '憑證申請的金鑰不符規定（%{algorithm}，%{bits} 位元）；須為 RSA %{minBits} 位元以上。',
      en: 'The key in the request is not accepted (%{algorithm}, %{bits} bits); RSA of at least %{minBits} bits is required.',
    },
    remedy: {
      'zh-TW': '請使用本行提供的載具或憑證服務程式重新產生金鑰；舊型載具若不支援 2048 位元金鑰，請洽分行更換。',
      en: "Generate the keys again with the bank's token or kiosk agent; if an older token cannot make 2048-bit keys, ask the branch for a new one.",
    },
  },
  CSR_SUBJECT_MISMATCH: {
    message: {
      'zh-TW': '憑證申請的名稱與申請資料不符。',
      en: 'The name in the certificate request does not match the application.',
    },
    remedy: {
      'zh-TW': '請由分行的憑證服務頁面選擇正確的申請案件後重新申請。',
      en: 'Pick the right application on the branch certificate page and apply again.',
    },
  },
  TOKEN_MODULE_UNAVAILABLE: {
    message: {
      'zh-TW': '無法載入載具驅動程式（PKCS#11 模組）。',
      en: 'The token driver (PKCS#11 module) could not be loaded.',
    },
    remedy: {
      'zh-TW': '請確認已安裝載具的驅動程式，且憑證服務程式設定的模組路徑正確；重新安裝驅動程式後再試。',
      en: "Check that the token's driver is installed and that the kiosk agent's module path points to it; reinstall the driver and try again.",
    },
  },
  TOKEN_NOT_PRESENT: {
    message: { 'zh-TW': '找不到載具，或載具已被拔除。', en: 'No token found, or the token was removed.' },
    remedy: {
      'zh-TW': '請將載具插入電腦的 USB 插槽，等指示燈亮起後再試；操作中請勿拔除載具。',
      en: 'Plug the token into a USB port, wait until its light is on and try again; do not unplug it during an operation.',
    },
  },
  TOKEN_PIN_INCORRECT: {
    message: { 'zh-TW': '載具密碼（PIN 碼）錯誤。', en: 'Wrong token PIN.' },
    remedy: {
      'zh-TW': '請確認大小寫與輸入法後重新輸入；連續輸入錯誤達上限，載具將被鎖定。',
      en: 'Check the letter case and the input method and type it again; too many wrong PINs in a row lock the token.',
    },
  },
  TOKEN_PIN_FINAL_TRY: {
    message: {
      'zh-TW': '載具密碼只剩最後一次機會，再輸入錯誤載具將被鎖定。',
      en: 'One try left: another wrong PIN locks the token.',
    },
    remedy: {
      'zh-TW': '若不確定密碼，請勿再嘗試，攜帶載具與身分證件至分行辦理；確定密碼無誤再繼續。',
      en: 'If you are not sure of the PIN, stop here and bring the token and your ID to a branch; continue only if you are sure.',
    },
  },
  TOKEN_PIN_LOCKED: {
    message: {
      'zh-TW': '載具密碼錯誤次數過多，載具已鎖定。',
      en: 'Too many wrong PINs: the token is locked.',
    },
    remedy: {
      'zh-TW': '鎖定的載具無法自行解除，請攜帶載具與身分證件至分行辦理。',
      en: 'A locked token cannot be unlocked at home; bring the token and your ID to a branch.',
    },
  },
  TOKEN_PIN_POLICY: {
    message: {
      'zh-TW': '新的載具密碼須為 %{min} 至 %{max} 個字元，且不可與舊密碼相同。',
      en: 'The new token PIN must be %{min} to %{max} characters long and differ from the old one.',
    },
    remedy: {
      'zh-TW': '請改用符合長度規定、且與舊密碼不同的新密碼。',
      en: 'Choose a new PIN of the required length that differs from the old one.',
    },
  },
  TOKEN_PIN_EXPIRED: {
    message: {
      'zh-TW': '載具密碼須先變更才能使用。',
      en: 'The token PIN must be changed before the token can be used.',
    },
    remedy: {
      'zh-TW': '請先執行「載具密碼變更」，再繼續原本的作業。',
      en: 'Run "Change token PIN" first, then continue.',
    },
  },
  TOKEN_NOT_LOGGED_IN: {
    message: { 'zh-TW': '請先輸入載具密碼。', en: 'Enter the token PIN first.' },
    remedy: {
      'zh-TW': '載具可能曾被拔除或閒置過久，請重新輸入載具密碼。',
      en: 'The token may have been unplugged or left idle too long; enter the PIN again.',
    },
  },
  TOKEN_FULL: {
    message: {
      'zh-TW': '載具空間已滿，無法再存放憑證或金鑰。',
      en: 'The token is full: no room for more certificates or keys.',
    },
    remedy: {
      'zh-TW': '請先以「刪除載具內過期或無效憑證」清出空間，再重新操作。',
      en: 'Free some room with "Delete expired or invalid certificates from the token", then try again.',
    },
  },
  TOKEN_OPERATION_CANCELLED: {
    message: {
      'zh-TW': '載具作業已取消或逾時。',
      en: 'The token operation was cancelled or timed out.',
    },
    remedy: {
      'zh-TW': '若載具有確認按鍵（如 ezSign），請在畫面提示時按下按鍵；再操作一次即可。',
      en: 'If the token has a confirm button (e.g. ezSign), press it when the screen asks; then try again.',
    },
  },
  TOKEN_ERROR: {
    message: {
      'zh-TW': '載具作業失敗（%{ckr}）。',
      en: 'The token operation failed (%{ckr}).',
    },
    remedy: {
      'zh-TW': '請拔除載具後重新插入再試；若仍失敗，請執行「環境檢測」或洽分行。',
      en: 'Unplug the token, plug it in again and retry; if it still fails, run the environment check or contact a branch.',
    },
  },
  PKCS12_TOO_LARGE: {
    message: {
      'zh-TW': '憑證備份檔過大（上限 %{max} 位元組）。',
      en: 'The certificate backup file is too large (at most %{max} bytes).',
    },
    remedy: {
      'zh-TW': '請確認選取的是本系統匯出的憑證備份檔（.p12 或 .pfx）。',
      en: 'Check that you picked a certificate backup file (.p12 or .pfx) exported by this system.',
    },
  },
  PKCS12_MALFORMED: {
    message: {
      'zh-TW': '憑證備份檔（PKCS#12）已損毀或格式錯誤，無法讀取。',
      en: 'The certificate backup file (PKCS#12) is damaged or not a backup file.',
    },
    remedy: {
      'zh-TW': '請改用原始的備份檔，或由原電腦重新匯出憑證備份。',
      en: 'Use the original backup file, or export the certificate backup again from the original computer.',
    },
  },
  PKCS12_PASSWORD_WRONG: {
    message: {
      'zh-TW': '憑證備份檔的密碼錯誤。',
      en: 'Wrong password for the certificate backup file.',
    },
    remedy: {
      'zh-TW':
        '請輸入匯出備份時自行設定的密碼，並注意英文大小寫、全形半形與輸入法；密碼遺失時無法還原，請重新申請憑證。',
      en: 'Enter the password you chose when the backup was exported, minding letter case, full-width characters and the input method; a lost password cannot be recovered, so apply for a new certificate instead.',
    },
  },
  PKCS12_UNSUPPORTED: {
    message: {
      'zh-TW': '不支援此憑證備份檔的加密方式（%{algorithm}）。',
      en: 'The protection of this certificate backup file is not supported (%{algorithm}).',
    },
    remedy: {
      'zh-TW': '請以本系統的憑證服務程式重新匯出備份；若由其他軟體匯出，請選擇 AES-256 加密。',
      en: "Export the backup again with the bank's kiosk agent; if other software exports it, choose AES-256 encryption.",
    },
  },
  PKCS12_KEY_MISMATCH: {
    message: {
      'zh-TW': '私密金鑰與憑證不相符，無法建立憑證備份檔。',
      en: 'The private key does not belong to the certificate, so no backup file can be made.',
    },
  },
  PKCS12_PASSWORD_WEAK: {
    message: {
      'zh-TW': '憑證備份檔密碼至少 %{min} 個字元，且須包含英文字母與數字。',
      en: 'The backup-file password needs at least %{min} characters with both letters and digits.',
    },
    remedy: {
      'zh-TW': '請設定一組不易猜到、自己記得住的密碼；還原備份時需要輸入同一組密碼。',
      en: 'Choose a password that is hard to guess and that you will remember: restoring the backup needs the same password.',
    },
  },
  // ── token emulator and PKCS#11 (libs/pkcs11) ──
  TOKEN_BUTTON_TIMEOUT: {
    message: {
      'zh-TW': '未在時間內按下載具的確認鈕，作業已取消，載具內容未變更。',
      en: "The token's confirm button was not pressed in time: the operation was cancelled and nothing on the token changed.",
    },
    remedy: {
      'zh-TW': '請重新操作，並在畫面提示「請按下 ezSign 確認鈕」時按下載具上的確認鈕。',
      en: 'Try again and press the button on the token when the screen asks you to press the ezSign button.',
    },
  },
  // ── kiosk agent (apps/kiosk-agent) ──
  AGENT_ORIGIN_REFUSED: {
    manualCode: '80070005',
    message: {
      'zh-TW': '憑證服務程式只接受分行憑證服務頁面的要求，此要求已被拒絕。',
      en: 'The kiosk agent only answers the branch certificate page; this request was refused.',
    },
    remedy: {
      'zh-TW': '請由分行提供的憑證服務網址操作，不要使用其他網頁或書籤。',
      en: "Use the bank's certificate page at the address the branch gave you, not another page or bookmark.",
    },
  },
  AGENT_HOST_REFUSED: {
    manualCode: '80070005',
    message: {
      'zh-TW': '憑證服務程式拒絕了非本機位址的要求。',
      en: 'The kiosk agent refused a request addressed to a name other than this computer.',
    },
  },
  AGENT_PAIRING_REQUIRED: {
    message: {
      'zh-TW': '憑證服務程式尚未與此頁面配對。',
      en: 'The kiosk agent is not paired with this page.',
    },
    remedy: {
      'zh-TW': '請重新整理頁面，或請櫃員重新開始此客戶的服務。',
      en: 'Reload the page, or ask the teller to start the customer session again.',
    },
  },
  AGENT_PAIRING_INVALID: {
    message: {
      'zh-TW': '配對憑據不正確，憑證服務程式拒絕此要求。',
      en: 'The pairing credential is not valid; the kiosk agent refused the request.',
    },
    remedy: {
      'zh-TW': '請確認此電腦的服務程式設定檔中的機台代號與金鑰，與系統中登記的機台一致。',
      en: "Check that the kiosk code and key in this computer's agent configuration match the kiosk registered in the system.",
    },
  },
  AGENT_PAIRING_EXPIRED: {
    message: {
      'zh-TW': '此次服務的配對已逾時。',
      en: 'The pairing of this session has expired.',
    },
    remedy: {
      'zh-TW': '請櫃員重新開始服務；若電腦時間不正確，請先校正時間。',
      en: "Ask the teller to start the session again; if the computer's clock is wrong, correct it first.",
    },
  },
  AGENT_SESSION_ENDED: {
    message: {
      'zh-TW': '此客戶的服務已結束，資料已清除。',
      en: "This customer's session has ended and its data was cleared.",
    },
    remedy: {
      'zh-TW': '請櫃員為客戶重新開始服務。',
      en: 'Ask the teller to start a new session for the customer.',
    },
  },
  AGENT_STORE_LOCKED: {
    message: {
      'zh-TW': '電腦憑證存放區尚未開啟。',
      en: "This computer's certificate store is not open.",
    },
    remedy: {
      'zh-TW': '請先輸入電腦憑證存放區的密碼。',
      en: "Enter the password of this computer's certificate store first.",
    },
  },
  AGENT_STORE_PASSWORD_WRONG: {
    message: {
      'zh-TW': '電腦憑證存放區的密碼錯誤。',
      en: "Wrong password for this computer's certificate store.",
    },
    remedy: {
      'zh-TW': '請輸入第一次在此電腦存放憑證時設定的密碼，並注意英文大小寫與輸入法。',
      en: 'Enter the password chosen when a certificate was first stored on this computer, minding letter case and the input method.',
    },
  },
  AGENT_STORE_ENTRY_NOT_FOUND: {
    manualCode: '80092004',
    message: {
      'zh-TW': '此電腦的憑證存放區中找不到指定的憑證或金鑰。',
      en: "The certificate or key is not in this computer's certificate store.",
    },
    remedy: {
      'zh-TW': '請使用申請時產生金鑰的同一台電腦，或先匯入憑證備份檔。',
      en: 'Use the computer on which the keys were generated, or import the certificate backup file first.',
    },
  },
  AGENT_CHALLENGE_REFUSED: {
    message: {
      'zh-TW': '簽章資料不是此頁面發出的驗證挑戰，已拒絕簽章。',
      en: 'The data to sign is not a challenge issued for this page; it was not signed.',
    },
  },
  AGENT_CONFIG_INVALID: {
    message: {
      'zh-TW': '憑證服務程式設定錯誤：%{field}。',
      en: 'The kiosk agent configuration is not valid: %{field}.',
    },
    remedy: {
      'zh-TW': '請依安裝說明修正設定檔中標示的項目後重新啟動服務程式。',
      en: 'Correct the named setting in the configuration file as the installation guide describes, then restart the agent.',
    },
  },
  KIOSK_NOT_FOUND: {
    message: { 'zh-TW': '查無此機台。', en: 'No such kiosk.' },
  },
  KIOSK_INACTIVE: {
    message: {
      'zh-TW': '此機台已停用，無法開始服務。',
      en: 'This kiosk is deactivated; no session can be started on it.',
    },
  },
  KIOSK_PAIRING_UNAVAILABLE: {
    message: {
      'zh-TW': '系統尚未設定機台配對金鑰，請洽系統管理員。',
      en: 'The kiosk pairing key is not configured; contact an administrator.',
    },
  },
  // ── counter: applications, passwords, notices, proof sheets ──
  APPLICATION_NOT_FOUND: {
    message: { 'zh-TW': '查無此臨櫃申請。', en: 'No such counter application.' },
  },
  APPLICATION_NOTICE_ALREADY_PRINTED: {
    message: {
      'zh-TW': '此申請的憑證密碼通知書已列印，密碼仍有效，不可重複列印。',
      en: 'The password notice of this application has already been printed and its password is still valid; it cannot be printed twice.',
    },
    remedy: {
      'zh-TW': '通知書遺失或未送達客戶時，請改用「重新產生密碼」：原密碼立即失效並列印新的通知書。',
      en: 'If the notice was lost or never reached the customer, use "Reissue password": the old password dies at once and a new notice is printed.',
    },
  },
  APPLICATION_NOT_OPEN: {
    message: {
      'zh-TW': '此申請目前的狀態為「%{status}」，無法使用憑證申請密碼。',
      en: 'This application is %{status}; its application password cannot be used.',
    },
    remedy: {
      'zh-TW': '請確認通知書上的 Common Name；已取消或已完成的申請須至分行重新辦理臨櫃申請。',
      en: 'Check the Common Name on the notice; a cancelled or completed application needs a new counter application at the branch.',
    },
  },
  APPLICATION_PASSWORD_WRONG: {
    message: {
      'zh-TW': '身分證號或憑證申請密碼錯誤，尚可再試 %{triesLeft} 次。',
      en: 'Wrong ID number or application password; %{triesLeft} tries left.',
    },
    remedy: {
      'zh-TW':
        '密碼印在憑證密碼通知書的密封聯上，只含數字 2–9 與英文字母，不分大小寫；錯誤次數用完後申請會被鎖定，須至分行重新產生密碼。',
      en: 'The password is on the sealed part of the password notice, digits 2–9 and letters only, in any case; when the tries run out the application locks and the branch has to reissue the password.',
    },
  },
  APPLICATION_LOCKED: {
    message: {
      'zh-TW': '憑證申請密碼錯誤次數過多，此申請已鎖定。',
      en: 'Too many wrong application passwords: this application is locked.',
    },
    remedy: {
      'zh-TW': '請攜帶身分證件至分行，由櫃員重新產生密碼並列印新的通知書。',
      en: 'Bring your identity document to the branch; a teller reissues the password and prints a new notice.',
    },
  },
  APPLICATION_PASSWORD_EXPIRED: {
    message: {
      'zh-TW': '憑證申請密碼已逾有效期限。',
      en: 'The application password has expired.',
    },
    remedy: {
      'zh-TW': '請至分行由櫃員重新產生密碼並列印新的通知書；有效期限印在通知書上。',
      en: 'Ask a teller at the branch to reissue the password and print a new notice; the notice shows how long a password is valid.',
    },
  },
  APPLICATION_PASSWORD_USED: {
    message: {
      'zh-TW': '此憑證申請密碼已使用過。',
      en: 'This application password has already been used.',
    },
  },
  APPLICATION_TICKET_INVALID: {
    message: {
      'zh-TW': '申請作業已逾時或無效，請重新輸入憑證申請密碼。',
      en: 'The application session has expired or is not valid; enter the application password again.',
    },
  },
  APPLICATION_OPEN_THROTTLED: {
    message: {
      'zh-TW': '嘗試次數過於頻繁，請稍後再試。',
      en: 'Too many attempts; wait a moment and try again.',
    },
  },
  // ── counter: tokens, certificates, unsuspend approvals ──
  TOKEN_NOT_FOUND: {
    message: { 'zh-TW': '查無此載具。', en: 'No such token.' },
  },
  TOKEN_DUPLICATE: {
    message: {
      'zh-TW': '此種類與序號的載具已登記過。',
      en: 'A token of this type with this serial number is already registered.',
    },
    remedy: {
      'zh-TW': '請以序號查詢既有的載具紀錄；若載具已轉給其他客戶，請先將原紀錄設為停用。',
      en: 'Look up the existing token by its serial number; if it passed to another customer, retire the old record first.',
    },
  },
  TOKEN_SERIAL_INVALID: {
    message: {
      'zh-TW': '載具序號格式不正確（1 至 32 個英數字或符號，不可有空白）。',
      en: 'The token serial number is not valid (1 to 32 letters, digits or symbols, no spaces).',
    },
    remedy: {
      'zh-TW': '請依載具背面標籤或讀取結果重新輸入，或改用條碼掃描。',
      en: 'Type it again from the label on the token or the reading, or scan its barcode.',
    },
  },
  CERTIFICATE_NOT_SUSPENDED: {
    message: {
      'zh-TW': '此憑證目前不是暫禁狀態，無需解禁。',
      en: 'This certificate is not suspended, so there is nothing to unsuspend.',
    },
  },
  UNSUSPEND_NOT_IN_PERSON: {
    message: {
      'zh-TW': '憑證解禁須由客戶本人臨櫃，並經櫃員當面核對身分證件。',
      en: 'Unsuspending needs the customer in person at the counter, with an identity document checked by the teller.',
    },
    remedy: {
      'zh-TW': '請客戶攜帶身分證件親至分行辦理。',
      en: 'Ask the customer to come to the branch with an identity document.',
    },
  },
  UNSUSPEND_ALREADY_PENDING: {
    message: {
      'zh-TW': '此憑證已有一筆待主管覆核的解禁申請。',
      en: 'An unsuspend request for this certificate is already waiting for approval.',
    },
    remedy: {
      'zh-TW': '請主管至「待覆核」清單處理既有的申請。',
      en: 'Ask a supervisor to decide the waiting request in the approvals queue.',
    },
  },
  APPROVAL_NOT_FOUND: {
    message: { 'zh-TW': '查無此覆核申請。', en: 'No such approval request.' },
  },
  APPROVAL_ALREADY_DECIDED: {
    message: {
      'zh-TW': '此申請已處理（%{status}），無法再變更。',
      en: 'This request was already decided (%{status}).',
    },
  },
  APPROVAL_OWN_REQUEST: {
    message: {
      'zh-TW': '不可覆核自己提出的申請（四眼原則）。',
      en: 'You cannot approve or reject your own request (four eyes).',
    },
    remedy: {
      'zh-TW': '請同分行的另一位主管覆核。',
      en: 'Another supervisor of the branch has to decide it.',
    },
  },
  // ── back office: audit trail, reports, expiry reminders ──
  AUDIT_UNAVAILABLE: {
    message: {
      'zh-TW': '稽核紀錄無法寫入，本次操作未執行。',
      en: 'The audit trail could not be written, so nothing was done.',
    },
    remedy: {
      'zh-TW': '請稍後再試；若持續發生，請通知系統管理人員檢查資料庫與稽核設定。',
      en: 'Try again later; if it persists, ask the system administrator to check the database and the audit settings.',
    },
  },
  AUDIT_EVENT_NOT_FOUND: {
    message: { 'zh-TW': '查無此稽核紀錄。', en: 'No such audit event.' },
  },
  // ── supervisors: dashboards, reconciliation, bulk actions ──
  REPORT_DATE_INVALID: {
    message: { 'zh-TW': '日期格式不正確，請輸入 YYYY-MM-DD。', en: 'The date is not valid; use YYYY-MM-DD.' },
    remedy: { 'zh-TW': '請選擇或輸入正確的日期。', en: 'Pick or type a valid date.' },
  },
  BULK_TOO_MANY: {
    message: {
      'zh-TW': '一次最多只能處理 %{max} 筆。',
      en: 'At most %{max} rows can be handled at once.',
    },
    remedy: { 'zh-TW': '請減少勾選的筆數後再試。', en: 'Select fewer rows and try again.' },
  },
  REMINDER_CERTIFICATE_NOT_LIVE: {
    message: {
      'zh-TW': '此憑證不是有效或待下載狀態，不寄送到期通知。',
      en: 'Only valid or awaiting-download certificates get an expiry reminder.',
    },
  },
  REMINDER_NO_ADDRESS: {
    message: {
      'zh-TW': '此客戶沒有電子郵件地址，無法寄送到期通知。',
      en: 'The customer has no e-mail address to send the reminder to.',
    },
    remedy: {
      'zh-TW': '請於客戶資料補登電子郵件地址後再寄送。',
      en: "Add an e-mail address to the customer's record, then send it again.",
    },
  },
  // ── kiosk: customer enrolment, download, renewal, certificate proof ──
  AGENT_UNREACHABLE: {
    message: {
      'zh-TW': '無法連線到本機的憑證服務程式。',
      en: 'The certificate agent on this computer cannot be reached.',
    },
    remedy: {
      'zh-TW': '請櫃員確認憑證服務程式已啟動（可執行 --check 檢查環境），再重新開始此客戶的服務。',
      en: 'Ask the teller to check that the certificate agent is running (its --check reports the environment), then start the customer session again.',
    },
  },
  CSR_KEYS_IDENTICAL: {
    message: {
      'zh-TW': '簽章與加密憑證的申請使用了同一把金鑰。',
      en: 'The signing and the encryption request use the same key.',
    },
    remedy: {
      'zh-TW': '請重新執行憑證申請，由系統分別產生兩組金鑰。',
      en: 'Run the application again so that two separate key pairs are generated.',
    },
  },
  TERMS_NOT_ACCEPTED: {
    message: {
      'zh-TW': '請先閱讀並同意最新版本的約定條款（第 %{version} 版）。',
      en: 'Read and accept the current terms of use (version %{version}) first.',
    },
  },
  CUSTOMER_SESSION_INVALID: {
    message: {
      'zh-TW': '憑證服務的工作階段已結束或無效，請重新登入。',
      en: 'The certificate service session has ended or is not valid; sign in again.',
    },
    remedy: {
      'zh-TW': '請重新輸入身分證字號與憑證申請密碼，或以既有憑證重新驗證身分。',
      en: 'Enter your ID number and application password again, or prove yourself with your certificate again.',
    },
  },
  CERTIFICATE_PROOF_FAILED: {
    message: {
      'zh-TW': '憑證身分驗證失敗。',
      en: 'The certificate could not prove who you are.',
    },
    remedy: {
      'zh-TW': '請確認插入的是該憑證所在的載具，並重新執行驗證；驗證碼數分鐘後失效且只能使用一次。',
      en: 'Check that the token holding this certificate is inserted and try again; a challenge expires after a few minutes and works only once.',
    },
  },
  CERTIFICATE_PROOF_THROTTLED: {
    message: {
      'zh-TW': '驗證次數過多，請稍候一分鐘再試。',
      en: 'Too many attempts; wait a minute and try again.',
    },
  },
  CERTIFICATE_NOT_USABLE: {
    message: {
      'zh-TW': '此憑證目前的狀態（%{status}）無法執行此作業。',
      en: 'This certificate cannot be used for this while it is %{status}.',
    },
    remedy: {
      'zh-TW': '暫禁的憑證須由本人攜帶身分證件至分行臨櫃辦理解禁；已廢止或逾期的憑證請重新申請。',
      en: 'A suspended certificate is released only at a branch counter, in person with your ID; apply again for a revoked or expired one.',
    },
  },
  CERT_NOT_RENEWABLE_YET: {
    message: {
      'zh-TW': '憑證須於到期前一個月內才能更新，本憑證自 %{opensOn} 起可更新。',
      en: 'A certificate can be renewed only in the month before it expires; this one from %{opensOn}.',
    },
  },
  CERTIFICATE_ALREADY_RENEWED: {
    message: {
      'zh-TW': '此憑證已申請更新，請執行憑證下載。',
      en: 'This certificate has already been renewed; download the new certificates.',
    },
  },
  CONFIRM_REQUIRED: {
    message: {
      'zh-TW': '請先確認要執行此作業。',
      en: 'Confirm that you want to do this first.',
    },
  },
  APPLICATION_MEDIUM_OTHER: {
    message: {
      'zh-TW': '此申請的憑證須存放於「%{medium}」，無法以此功能申請。',
      en: 'The certificates of this application go on "%{medium}"; this function cannot apply for them.',
    },
    remedy: {
      'zh-TW':
        '存放於 iKey 或 ezSign 的憑證，請插入載具後選擇「申請憑證」；存放於電腦（PC）的憑證，請在已安裝憑證服務程式的個人電腦上選擇「申請憑證（存放於本電腦）」。',
      en: 'For an iKey or ezSign, insert the token and choose "Apply for certificates"; for a PC certificate, choose "Apply for certificates on this computer" on a personal computer with the certificate agent installed.',
    },
  },
  CLOCK_SKEW: {
    message: {
      'zh-TW': '這台電腦的時間與伺服器相差約 %{minutes} 分鐘。',
      en: "This computer's clock is about %{minutes} minutes off the server's.",
    },
    remedy: {
      'zh-TW':
        '請櫃員將電腦的日期、時間與時區（台北，UTC+8）校正為正確時間，或開啟自動網路校時；時間不正確時，憑證會被視為尚未生效或已過期，身分驗證也會失敗。',
      en: "Ask the teller to set the computer's date, time and time zone (Taipei, UTC+8) right, or turn on automatic network time; with a wrong clock certificates look not yet valid or expired, and proofs of identity fail.",
    },
  },
  BROWSER_UNSUPPORTED: {
    message: {
      'zh-TW': '此瀏覽器缺少憑證服務需要的功能（%{feature}）。',
      en: 'This browser lacks a feature the certificate service needs (%{feature}).',
    },
    remedy: {
      'zh-TW': '請改用最新版的 Chrome、Edge 或 Firefox 開啟憑證服務頁面，且網址須為分行提供的網址。',
      en: 'Open the certificate page in a current Chrome, Edge or Firefox, at the address the branch gave you.',
    },
  },
  BROWSER_PDF_VIEWER_MISSING: {
    message: {
      'zh-TW': '此瀏覽器無法直接顯示 PDF 檔。',
      en: 'This browser cannot show PDF files itself.',
    },
    remedy: {
      'zh-TW': '憑證證明單會改為下載檔案；請在瀏覽器設定中開啟內建的 PDF 檢視器，以便直接列印。',
      en: "The proof sheet downloads as a file instead; turn on the browser's built-in PDF viewer to print it directly.",
    },
  },
  TOKEN_TYPE_UNKNOWN: {
    message: {
      'zh-TW': '無法辨識插入的載具（%{model}），它不是本行的 iKey 或 ezSign。',
      en: "The inserted token (%{model}) is not recognised as one of the bank's iKey or ezSign tokens.",
    },
    remedy: {
      'zh-TW': '請插入本行核發的 iKey 或 ezSign 載具；若確定是本行載具，請櫃員確認憑證服務程式的載具設定。',
      en: "Insert the iKey or ezSign token the bank gave you; if it is one, ask the teller to check the kiosk agent's token settings.",
    },
  },
  TOKEN_NOT_YOURS: {
    manualCode: '80070005',
    message: {
      'zh-TW': '此載具不是登記在您名下的載具，無法變更載具密碼或刪除其中的憑證。',
      en: 'This token is not registered to you, so its PIN cannot be changed nor its certificates deleted here.',
    },
    remedy: {
      'zh-TW': '請插入分行登記給您的載具；若載具是新領的或轉手取得的，請攜帶身分證件與載具至分行臨櫃登記。',
      en: 'Insert the token the branch registered to you; for a new or handed-on token, bring it and your ID to a branch counter to have it registered.',
    },
  },
  TOKEN_REPORTED_LOST: {
    message: {
      'zh-TW': '此載具已於臨櫃掛失，無法變更載具密碼或刪除其中的憑證。',
      en: 'This token was reported lost at the counter, so its PIN cannot be changed nor its certificates deleted.',
    },
    remedy: {
      'zh-TW': '若已尋回載具，請攜帶身分證件與載具至分行臨櫃辦理，由櫃員確認後再使用。',
      en: 'If you found the token again, bring it and your ID to a branch counter; the teller checks it before it is used again.',
    },
  },
  TOKEN_RETIRED: {
    message: {
      'zh-TW': '此載具已停用，無法變更載具密碼或刪除其中的憑證。',
      en: 'This token has been retired, so its PIN cannot be changed nor its certificates deleted.',
    },
    remedy: {
      'zh-TW': '請改用分行目前登記給您的載具；如有疑問請洽分行櫃檯。',
      en: 'Use the token the branch has registered to you now; ask at a branch counter if in doubt.',
    },
  },
  TOKEN_LOCKED_AT_COUNTER: {
    message: {
      'zh-TW': '此載具已由分行設為鎖定，無法變更載具密碼或刪除其中的憑證。',
      en: 'The branch has locked this token, so its PIN cannot be changed nor its certificates deleted.',
    },
    remedy: {
      'zh-TW': '請攜帶身分證件與載具至分行臨櫃辦理解鎖。',
      en: 'Bring the token and your ID to a branch counter to have it unlocked.',
    },
  },
  TOKEN_OWNER_UNPROVEN: {
    message: {
      'zh-TW': '此載具上沒有可證明您身分的本行憑證或待下載的金鑰，無法確認載具屬於您。',
      en: 'This token holds no certificate of ours, nor a key waiting for one, that can show who you are, so it cannot be confirmed as yours.',
    },
    remedy: {
      'zh-TW': '若尚未申請憑證，請先以「申請憑證」辦理；否則請攜帶身分證件與載具至分行臨櫃辦理。',
      en: 'If you have not applied yet, apply for certificates first; otherwise bring the token and your ID to a branch counter.',
    },
  },
  // ── FEDI conversion ──
  FEDI_CONVERSION_UNAVAILABLE: {
    message: {
      'zh-TW': '目前無法辦理 FEDI 憑證線上轉置。',
      en: 'Online FEDI certificate conversion is not available now.',
    },
    remedy: {
      'zh-TW': '請攜帶 FEDI 憑證所在的載具與身分證件至分行臨櫃申請 FXML 憑證。',
      en: 'Bring the token holding your FEDI certificate and your ID to a branch counter to apply for an FXML certificate.',
    },
  },
  FEDI_CERTIFICATE_NONE: {
    message: {
      'zh-TW': '此載具上沒有可轉置的 FEDI 憑證。',
      en: 'This token holds no FEDI certificate that can be converted.',
    },
    remedy: {
      'zh-TW': '請確認插入的是存放 FEDI 憑證的 iKey；已到期或已轉置的憑證無法再轉置，請至分行臨櫃申請。',
      en: 'Check that the iKey holding your FEDI certificate is inserted; an expired or already converted certificate cannot be converted: apply at a branch counter.',
    },
  },
  FEDI_CERTIFICATE_UNTRUSTED: {
    message: {
      'zh-TW': '此憑證不是 FEDI 憑證中心簽發的憑證，無法轉置。',
      en: 'This certificate was not issued by the FEDI certification authority and cannot be converted.',
    },
  },
  FEDI_CERTIFICATE_EXPIRED: {
    message: {
      'zh-TW': '此 FEDI 憑證已到期或尚未生效（效期 %{notBefore} 至 %{notAfter}），無法轉置。',
      en: 'This FEDI certificate is outside its validity (%{notBefore} to %{notAfter}) and cannot be converted.',
    },
    remedy: {
      'zh-TW': '已到期的 FEDI 憑證無法線上轉置，請攜帶身分證件至分行臨櫃申請 FXML 憑證。',
      en: 'An expired FEDI certificate cannot be converted online; apply for an FXML certificate at a branch counter with your ID.',
    },
  },
  FEDI_CERTIFICATE_NAME_INVALID: {
    message: {
      'zh-TW': '此 FEDI 憑證的名稱（CN）未含有效的身分證統一編號或統一編號，無法轉置。',
      en: 'The name (CN) of this FEDI certificate holds no valid ID or business number, so it cannot be converted.',
    },
  },
  FEDI_CUSTOMER_UNKNOWN: {
    message: {
      'zh-TW': '查無此 FEDI 憑證持有人的客戶資料，無法線上轉置。',
      en: 'The holder of this FEDI certificate is not on record as a customer, so it cannot be converted online.',
    },
    remedy: {
      'zh-TW': '請攜帶身分證件與 FEDI 憑證所在的載具至分行臨櫃，由櫃員建立客戶資料並辦理憑證申請。',
      en: 'Bring your ID and the token holding the FEDI certificate to a branch counter: the teller records you as a customer and registers your application.',
    },
  },
  FEDI_ALREADY_CONVERTED: {
    message: {
      'zh-TW': '此 FEDI 憑證已轉置過，每張 FEDI 憑證只能轉置一次。',
      en: 'This FEDI certificate has already been converted; each one converts only once.',
    },
    remedy: {
      'zh-TW': '轉置後的 FXML 憑證若尚未寫入載具，請執行「憑證下載」。',
      en: 'If the converted FXML certificates are not on your token yet, use "Download certificates".',
    },
  },
  FEDI_TICKET_INVALID: {
    message: {
      'zh-TW': '轉置的身分驗證已逾時或無效，請重新選擇 FEDI 憑證並驗證。',
      en: 'The proof for this conversion has expired or is not valid; pick the FEDI certificate and prove it again.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** Fills `%{name}` placeholders; unknown names stay visible rather than vanish. */
export function interpolate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined || params[name] === null ? whole : String(params[name]),
  );
}

/** The message of `code` in `locale`, with its parameters filled in. */
export function errorMessage(code: ErrorCode, locale: Locale, params?: Readonly<Record<string, unknown>>): string {
  return interpolate(ERRORS[code].message[locale], params);
}

/** Where the FAQ answers a code: the admin route and anchor. */
export function faqPath(code: ErrorCode): string {
  return `/faq#${code}`;
}
