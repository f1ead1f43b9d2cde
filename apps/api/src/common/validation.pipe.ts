import { DomainError, isErrorCode, type ErrorCode, type FieldError } from '@app/contracts';
import { ValidationPipe, type ValidationError } from '@nestjs/common';

/** class-validator constraint → our code, when the decorator did not name one in its `context`. */
const CONSTRAINT_CODES: Record<string, ErrorCode> = {
  isNotEmpty: 'FIELD_REQUIRED',
  isDefined: 'FIELD_REQUIRED',
  maxLength: 'FIELD_TOO_LONG',
  isEmail: 'EMAIL_INVALID',
};

function fieldErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint): FieldError => {
      const context = error.contexts?.[constraint] as { code?: string; max?: number } | undefined;
      const code = isErrorCode(context?.code) ? context.code : (CONSTRAINT_CODES[constraint] ?? 'FIELD_INVALID');
      return { field, code, params: context?.max ? { max: context.max } : undefined };
    });
    return own.concat(fieldErrors(error.children ?? [], `${field}.`));
  });
}

/**
 * Input validation for every resolver: unknown properties are refused, and every failure becomes one
 * BAD_USER_INPUT error that names each field and why, with no echo of the value (it may be secret).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.invalidInput(fieldErrors(errors)),
  });
}
