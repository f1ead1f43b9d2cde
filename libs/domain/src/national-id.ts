import { hasValidIdChecksum, letterDigits } from './id-checksum';

const NATIONAL_ID = /^[A-Z][12]\d{8}$/;

/**
 * Taiwan national ID (國民身分證統一編號, 內政部): a letter, 1 (male) or 2 (female), seven serial
 * digits and a check digit. The letter becomes two digits by the 內政部 table; the 11 digits weighted
 * 1,9,8,7,6,5,4,3,2,1,1 must sum to a multiple of 10.
 *
 * Expects the normalised form (see `normalizeIdNumber`): `u139514691` is not valid here.
 */
export function isValidNationalId(v: string): boolean {
  if (!NATIONAL_ID.test(v)) return false;
  const letter = letterDigits(v[0]);
  if (!letter) return false;
  return hasValidIdChecksum([...letter, ...Array.from(v.slice(1), Number)]);
}
