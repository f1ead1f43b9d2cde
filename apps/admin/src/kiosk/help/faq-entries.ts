import { ERROR_CODES, ERRORS, type ErrorCode } from '@app/contracts';
import { manualCodeOf } from '../../i18n/error-messages';

/**
 * The kiosk's questions (manual function 19), each answered in `kiosk.help.faq.<id>` and pointing
 * at the message code it explains, so a customer who came from an error and one who came from the
 * menu land on the same advice.
 */
export const FAQ_QUESTIONS = [
  { id: 'noticePassword', code: 'APPLICATION_PASSWORD_WRONG' },
  { id: 'forgotPin', code: 'TOKEN_PIN_INCORRECT' },
  { id: 'tokenLocked', code: 'TOKEN_PIN_LOCKED' },
  { id: 'stillIssuing', code: 'CA_ISSUING' },
  { id: 'nothingToDownload', code: 'NOTHING_TO_DOWNLOAD' },
  { id: 'keyNotFound', code: 'PRIVATE_KEY_NOT_FOUND' },
  { id: 'accessDenied', code: 'ACCESS_DENIED' },
  { id: 'clockWrong', code: 'CLOCK_SKEW' },
  { id: 'tokenNotRecognised', code: 'TOKEN_TYPE_UNKNOWN' },
  { id: 'ezSignButton', code: 'TOKEN_BUTTON_TIMEOUT' },
  { id: 'proofSheet', code: 'BROWSER_PDF_VIEWER_MISSING' },
  { id: 'unsuspend', code: 'CERTIFICATE_NOT_USABLE' },
  { id: 'renewWhen', code: 'CERT_NOT_RENEWABLE_YET' },
  { id: 'tokenFull', code: 'TOKEN_FULL' },
  { id: 'sessionEnded', code: 'AGENT_SESSION_ENDED' },
] as const satisfies readonly { id: string; code: ErrorCode }[];

export type FaqQuestionId = (typeof FAQ_QUESTIONS)[number]['id'];

/**
 * Codes only the staff console raises (field checks of its forms, staff accounts, approvals,
 * reports): the kiosk never shows them, so its table leaves them out. A new code is in the
 * kiosk's table unless it is added here.
 */
const CONSOLE_ONLY: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FIELD_REQUIRED',
  'FIELD_TOO_LONG',
  'FIELD_INVALID',
  'EMAIL_INVALID',
  'PHONE_INVALID',
  'CUSTOMER_DUPLICATE',
  'BRANCH_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'STAFF_USERNAME_TAKEN',
  'STAFF_PASSWORD_WEAK',
  'STALE_UPDATE',
  'APPLICATION_NOTICE_ALREADY_PRINTED',
  'TOKEN_DUPLICATE',
  'TOKEN_SERIAL_INVALID',
  'CERTIFICATE_NOT_SUSPENDED',
  'UNSUSPEND_ALREADY_PENDING',
  'APPROVAL_NOT_FOUND',
  'APPROVAL_ALREADY_DECIDED',
  'APPROVAL_OWN_REQUEST',
  'AUDIT_EVENT_NOT_FOUND',
  'REPORT_DATE_INVALID',
  'BULK_TOO_MANY',
  'REMINDER_CERTIFICATE_NOT_LIVE',
  'REMINDER_NO_ADDRESS',
]);

/** The old platform's message numbers, in the order its appendix lists them. */
export const MANUAL_CODES = ['6025', '6036', '80092004', '80070005'] as const;

/** The old platform's message number of `code`, if it had one. */
export const manualNumberOf = manualCodeOf;

const manualRank = (code: ErrorCode): number => {
  const rank = (MANUAL_CODES as readonly (string | undefined)[]).indexOf(manualNumberOf(code));
  return rank < 0 ? MANUAL_CODES.length : rank;
};

/**
 * The message-code table of the kiosk: the manual's numbers first, in the appendix's order, then
 * our own codes in the shared list's order. Each row is the anchor `#<CODE>`.
 */
export const KIOSK_CODES: readonly ErrorCode[] = ERROR_CODES.filter((code) => !CONSOLE_ONLY.has(code))
  .map((code, index) => ({ code, index, rank: manualRank(code) }))
  .sort((a, b) => a.rank - b.rank || a.index - b.index)
  .map(({ code }) => code);

/** The table row an error links to; null (the top of the FAQ) for a code the table does not hold. */
export function faqTargetOf(code: string | null | undefined): ErrorCode | null {
  return code && (KIOSK_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : null;
}

/** Whether the shared list gives `code` a remedy; the table says "ask the counter" for the rest. */
export function hasRemedy(code: ErrorCode): boolean {
  return 'remedy' in ERRORS[code];
}
