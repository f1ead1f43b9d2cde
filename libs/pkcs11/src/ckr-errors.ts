import { DomainError, type ErrorCode } from '@app/contracts';

/**
 * PKCS#11 return values (PKCS#11 v2.40 §3.6 `CK_RV`) that mean something a person can act on,
 * and the code we report for each. Everything else becomes TOKEN_ERROR with the CKR name in
 * `details.ckr`, so support still sees what the module said.
 */
export const CKR_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  CKR_PIN_INCORRECT: 'TOKEN_PIN_INCORRECT',
  CKR_PIN_LOCKED: 'TOKEN_PIN_LOCKED',
  CKR_PIN_LEN_RANGE: 'TOKEN_PIN_POLICY',
  CKR_PIN_INVALID: 'TOKEN_PIN_POLICY',
  CKR_PIN_TOO_WEAK: 'TOKEN_PIN_POLICY',
  CKR_PIN_EXPIRED: 'TOKEN_PIN_EXPIRED',
  CKR_DEVICE_MEMORY: 'TOKEN_FULL',
  CKR_TOKEN_NOT_PRESENT: 'TOKEN_NOT_PRESENT',
  CKR_TOKEN_NOT_RECOGNIZED: 'TOKEN_NOT_PRESENT',
  CKR_DEVICE_REMOVED: 'TOKEN_NOT_PRESENT',
  CKR_SESSION_HANDLE_INVALID: 'TOKEN_NOT_PRESENT',
  CKR_SESSION_CLOSED: 'TOKEN_NOT_PRESENT',
  CKR_SLOT_ID_INVALID: 'TOKEN_NOT_PRESENT',
  CKR_FUNCTION_CANCELED: 'TOKEN_OPERATION_CANCELLED',
  CKR_USER_NOT_LOGGED_IN: 'TOKEN_NOT_LOGGED_IN',
  CKR_USER_PIN_NOT_INITIALIZED: 'TOKEN_NOT_LOGGED_IN',
};

/** What a PKCS#11 error looks like when it reaches JavaScript: `{ message: 'CKR_PIN_INCORRECT', code: 160 }`. */
interface CkrLike {
  readonly message: string;
  readonly code?: unknown;
  readonly method?: unknown;
}

/** The `CKR_*` name of a PKCS#11 error, or `undefined` when `error` is not one. */
export function ckrName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  const { message } = error as CkrLike;
  const match = typeof message === 'string' ? /\bCKR_[A-Z0-9_]+/.exec(message) : null;
  return match?.[0];
}

/**
 * Turns whatever a PKCS#11 call threw into a DomainError: a DomainError passes through, a known
 * `CKR_*` maps through {@link CKR_ERROR_CODES}, anything else becomes TOKEN_ERROR with
 * `{ ckr, rv, method }` (never the arguments of the call, which may hold a PIN).
 */
export function toTokenError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const ckr = ckrName(error);
  const mapped = ckr === undefined ? undefined : CKR_ERROR_CODES[ckr];
  if (mapped) return new DomainError(mapped, { ckr });
  const { code, method } = (typeof error === 'object' && error !== null ? error : {}) as Partial<CkrLike>;
  return new DomainError('TOKEN_ERROR', {
    ckr: ckr ?? 'UNKNOWN',
    ...(typeof code === 'number' ? { rv: code } : {}),
    ...(typeof method === 'string' && method ? { method } : {}),
  });
}
