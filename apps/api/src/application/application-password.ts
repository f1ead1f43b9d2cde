import { randomInt } from 'node:crypto';

/**
 * Digits 2–9 and capitals without I, L and O: nothing a customer can read two ways off a printout
 * (0/O, 1/I/L). 31 symbols × 12 places ≈ 59 bits, far beyond 5 tries.
 */
export const PASSWORD_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PASSWORD_LENGTH = 12;

/** A fresh application password from the CSPRNG, uniform over the alphabet (no modulo bias). */
export function generateApplicationPassword(length = PASSWORD_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

/**
 * What the customer typed, in the form that was hashed: full-width characters folded (NFKC), case
 * ignored, and the spaces or dashes the notice's grouping invites dropped.
 */
export function normalizeApplicationPassword(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

/** `N` + Taipei day `YYMMDD` + 6 symbols: printed and in the QR code; unique, not a secret. */
export function generateNoticeNumber(day: string): string {
  return `N${day}${generateApplicationPassword(6)}`;
}
