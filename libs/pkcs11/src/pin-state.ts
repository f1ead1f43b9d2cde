import { UserType } from 'graphene-pk11';
import { DomainError } from '@app/contracts';
import { TOKEN_FLAGS } from './token-info';
import { type TokenSession } from './token-session';

/** What the token flags say about the user PIN (PKCS#11 v2.40 §3.2 CKF_USER_PIN_*). */
export interface PinState {
  /** At least one wrong PIN since the last correct one. */
  readonly countLow: boolean;
  /** The next wrong PIN locks the token. */
  readonly finalTry: boolean;
  readonly locked: boolean;
  /** The PIN must be changed before the token can be used (e.g. a factory PIN). */
  readonly toBeChanged: boolean;
}

/** The PIN state encoded in `CK_TOKEN_INFO.flags`. */
export function pinState(flags: number): PinState {
  return {
    countLow: (flags & TOKEN_FLAGS.USER_PIN_COUNT_LOW) !== 0,
    finalTry: (flags & TOKEN_FLAGS.USER_PIN_FINAL_TRY) !== 0,
    locked: (flags & TOKEN_FLAGS.USER_PIN_LOCKED) !== 0,
    toBeChanged: (flags & TOKEN_FLAGS.USER_PIN_TO_BE_CHANGED) !== 0,
  };
}

/** What a new PIN must look like. */
export interface PinPolicy {
  readonly minLength: number;
  readonly maxLength: number;
}

export const DEFAULT_PIN_POLICY: PinPolicy = { minLength: 6, maxLength: 16 };

/** Options of the calls that present a PIN to the token and so may spend a try. */
export interface PinTryOptions {
  /**
   * The customer was told that this is the last try before the token locks. Without it a call on
   * a token in its final try is refused with TOKEN_PIN_FINAL_TRY before the PIN reaches the token.
   */
  readonly customerWarned?: boolean;
}

export interface ChangePinOptions extends PinTryOptions {
  readonly policy?: PinPolicy;
}

/**
 * Checks a new PIN against `policy`: length in characters, and different from the old PIN.
 * Throws DomainError TOKEN_PIN_POLICY `{ min, max }`.
 */
export function checkPinPolicy(newPin: string, oldPin: string, policy: PinPolicy = DEFAULT_PIN_POLICY): void {
  const length = [...newPin].length;
  if (length < policy.minLength || length > policy.maxLength || newPin === oldPin) {
    throw new DomainError('TOKEN_PIN_POLICY', { min: policy.minLength, max: policy.maxLength });
  }
}

/**
 * Refuses to present a PIN to a token that is locked (TOKEN_PIN_LOCKED) or in its final try
 * when the customer was not warned (TOKEN_PIN_FINAL_TRY `{ countLow, finalTry, locked }`).
 */
export function guardPinTry(state: PinState, options: PinTryOptions = {}): void {
  if (state.locked) throw new DomainError('TOKEN_PIN_LOCKED', pinDetails(state));
  if (state.finalTry && !options.customerWarned) throw new DomainError('TOKEN_PIN_FINAL_TRY', pinDetails(state));
}

/**
 * A PIN failure as the customer should see it, given the PIN state read right after it: a wrong
 * PIN that locked the token is TOKEN_PIN_LOCKED, not TOKEN_PIN_INCORRECT; the state rides along
 * in `details` so the page can say "one try left".
 */
export function pinFailure(error: DomainError, after: PinState): DomainError {
  if (error.code !== 'TOKEN_PIN_INCORRECT' && error.code !== 'TOKEN_PIN_LOCKED') return error;
  return new DomainError(after.locked ? 'TOKEN_PIN_LOCKED' : error.code, { ...error.details, ...pinDetails(after) });
}

/**
 * Changes the user PIN (C_SetPIN) in the session's R/W session: checks the policy first, then
 * refuses a final try the customer was not warned about, then lets the token verify `oldPin`.
 * Throws DomainError TOKEN_PIN_POLICY, TOKEN_PIN_FINAL_TRY, TOKEN_PIN_INCORRECT, TOKEN_PIN_LOCKED, ….
 * Neither PIN is kept or logged.
 */
export async function changePin(
  session: TokenSession,
  oldPin: string,
  newPin: string,
  options: ChangePinOptions = {},
): Promise<void> {
  checkPinPolicy(newPin, oldPin, options.policy);
  await session.presentPin(options, (s) => s.setPin(oldPin, newPin));
}

/**
 * The security officer sets a new user PIN (C_Login CKU_SO, C_InitPIN, C_Logout): how a bank
 * token locked by wrong PINs is unlocked, at the counter, with the SO PIN the bank keeps. Checks
 * `newPin` against the policy first. Throws DomainError TOKEN_PIN_POLICY, TOKEN_PIN_INCORRECT
 * (a wrong SO PIN), …. Neither PIN is kept or logged.
 */
export async function resetUserPin(
  session: TokenSession,
  soPin: string,
  newPin: string,
  policy: PinPolicy = DEFAULT_PIN_POLICY,
): Promise<void> {
  checkPinPolicy(newPin, '', policy);
  await session.run((s) => {
    s.login(soPin, UserType.SO);
    try {
      s.initPin(newPin);
    } finally {
      s.logout();
    }
  });
}

function pinDetails(state: PinState): Record<string, boolean> {
  return { countLow: state.countLow, finalTry: state.finalTry, locked: state.locked };
}
