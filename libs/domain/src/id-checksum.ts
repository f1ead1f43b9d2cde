/**
 * The check-digit arithmetic shared by the national ID and the resident certificate number
 * (內政部 國民身分證統一編號 / 內政部移民署 外來人口統一證號).
 */

/** Letter → two-digit code of the 內政部 table (I, O, W, Z were added after the others). */
// prettier-ignore
export const ID_LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1] as const;

/**
 * True when the 11 digits (the first letter's two digits, then nine more, the last being the check
 * digit) weighted 1,9,8,7,6,5,4,3,2,1,1 sum to a multiple of 10.
 */
export function hasValidIdChecksum(digits: readonly number[]): boolean {
  if (digits.length !== WEIGHTS.length) return false;
  const sum = digits.reduce((acc, digit, i) => acc + digit * WEIGHTS[i], 0);
  return sum % 10 === 0;
}

/** The two digits a leading letter stands for, or null for anything but A–Z. */
export function letterDigits(letter: string): [number, number] | null {
  const code = ID_LETTER_CODES[letter];
  return code === undefined ? null : [Math.floor(code / 10), code % 10];
}
