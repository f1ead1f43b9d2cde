import { ERROR_CODES, ERRORS, type ErrorCode, type Locale } from '@app/contracts';

type ByCode = Record<ErrorCode, string>;

/**
 * `errors.<CODE>` (the message) and `remedies.<CODE>` (the FAQ answer) in one locale, taken from the
 * shared error list so the console never keeps a second copy. Placeholders are already polyglot's.
 */
export function errorMessages(locale: Locale): { errors: ByCode; remedies: Partial<ByCode> } {
  const errors = {} as ByCode;
  const remedies: Partial<ByCode> = {};
  for (const code of ERROR_CODES) {
    const definition: { message: Record<Locale, string>; remedy?: Record<Locale, string> } = ERRORS[code];
    errors[code] = definition.message[locale];
    if (definition.remedy) remedies[code] = definition.remedy[locale];
  }
  return { errors, remedies };
}

/** The codes the FAQ answers, in the shared list's order. */
export const FAQ_CODES: readonly ErrorCode[] = ERROR_CODES.filter((code) => 'remedy' in ERRORS[code]);

/** The old platform's message number of `code`, if it had one. */
export function manualCodeOf(code: ErrorCode): string | undefined {
  const definition = ERRORS[code];
  return 'manualCode' in definition ? definition.manualCode : undefined;
}

/** True when the FAQ page has an answer for `code`. */
export function hasFaqEntry(code: string): code is ErrorCode {
  return (FAQ_CODES as readonly string[]).includes(code);
}
