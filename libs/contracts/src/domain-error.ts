import type { ErrorCode } from './error-codes';

/** A field that failed validation, with the code that says why. */
export interface FieldError {
  readonly field: string;
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * An expected business failure. Services throw it; the API turns it into a GraphQL error with
 * `extensions.code`, the admin console translates the code. `details` must never hold a secret.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly fields: readonly FieldError[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }

  /** A BAD_USER_INPUT error naming the fields at fault. */
  static invalidInput(fields: readonly FieldError[]): DomainError {
    return new DomainError('BAD_USER_INPUT', {}, fields);
  }
}
