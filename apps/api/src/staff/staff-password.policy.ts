import { DomainError } from '@app/contracts';

export const STAFF_PASSWORD_MIN_LENGTH = 10;

/** At least ten characters with letters and digits; throws a BAD_USER_INPUT on `field`. */
export function assertStaffPassword(password: string, field = 'password'): void {
  const ok = password.length >= STAFF_PASSWORD_MIN_LENGTH && /\p{L}/u.test(password) && /\d/.test(password);
  if (!ok) {
    throw DomainError.invalidInput([
      { field, code: 'STAFF_PASSWORD_WEAK', params: { min: STAFF_PASSWORD_MIN_LENGTH } },
    ]);
  }
}
