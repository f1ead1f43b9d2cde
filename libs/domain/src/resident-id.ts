import { hasValidIdChecksum, letterDigits } from './id-checksum';

/** Old form (assigned until 2021-01-01): region letter + A/B (無戶籍國民、大陸、港澳) or C/D (外國人) + 8 digits. */
const OLD_RESIDENT_ID = /^[A-Z][A-D]\d{8}$/;
/** New form (內政部移民署, issued since 2021-01-02): letter + 8 (male) or 9 (female) + 8 digits. */
const NEW_RESIDENT_ID = /^[A-Z][89]\d{8}$/;

/**
 * Taiwan resident certificate number (外來人口統一證號, 內政部移民署), either form:
 * - new (since 2021): letter + 8/9 + 8 digits, with the national-ID checksum unchanged;
 * - old: two letters + 8 digits. The first letter gives two digits by the 內政部 table; the second
 *   letter counts as the last digit of its table code (A→0, B→1, C→2, D→3); then the national-ID
 *   weights 1,9,8,7,6,5,4,3,2,1,1 and sum % 10 === 0.
 *
 * Old numbers are still accepted: 移民署 replaces them as documents are renewed and retires them only
 * on 2031-01-01 (民國120年), and they remain in bank records after that.
 */
export function isValidResidentId(v: string): boolean {
  if (NEW_RESIDENT_ID.test(v)) {
    const letter = letterDigits(v[0]);
    return letter !== null && hasValidIdChecksum([...letter, ...Array.from(v.slice(1), Number)]);
  }
  if (OLD_RESIDENT_ID.test(v)) {
    const first = letterDigits(v[0]);
    const second = letterDigits(v[1]);
    if (!first || !second) return false;
    return hasValidIdChecksum([...first, second[1], ...Array.from(v.slice(2), Number)]);
  }
  return false;
}
