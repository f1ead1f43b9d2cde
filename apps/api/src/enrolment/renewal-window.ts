/** 憑證更新 opens this many days before notAfter ("the month before expiry" of the manual). */
export const RENEWAL_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** When renewal of a certificate ending at `notAfter` opens. */
export function renewalOpensAt(notAfter: Date): Date {
  return new Date(notAfter.getTime() - RENEWAL_WINDOW_DAYS * DAY_MS);
}
