import { describe, expect, it } from '@jest/globals';
import { isValidResidentId } from './resident-id';

const withChar = (v: string, i: number, c: string): string => v.slice(0, i) + c + v.slice(i + 1);

describe('isValidResidentId, old form (two letters)', () => {
  it.each([
    'AA00000009', // A=10 → 1, 0; second A=10 → 0; 0…0; 9 → 1 + 9 = 10
    'AC01234567', // 1 + (C=12 → 2)×8 + 0×7 + 6 + 10 + 12 + 12 + 10 + 6 + 7 = 80
    'FD12345676', // F=15 → 1 + 45; (D=13 → 3)×8 = 24; 7+12+15+16+15+12+7 = 84; + 6 = 160
    'BB87654324', // B=11 → 1 + 9; (B → 1)×8; 56+36+25+16+9+4+2 = 148; + 4 = 190
  ])('accepts %s', (id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it('rejects every other check digit', () => {
    for (const d of '012345678') expect(isValidResidentId(withChar('AA00000009', 9, d))).toBe(false);
  });

  it('counts the second letter by the last digit of its code', () => {
    // AC01234567 is valid; with B (→ 1) the sum drops by 8 to 72, with D (→ 3) it rises to 88.
    expect(isValidResidentId('AB01234567')).toBe(false);
    expect(isValidResidentId('AD01234567')).toBe(false);
  });

  it('accepts only A–D as the second letter', () => {
    // AE00000007 would pass the checksum (1 + (E=14 → 4)×8 + 7 = 40) but E is no holder category.
    expect(isValidResidentId('AE00000007')).toBe(false);
  });

  it.each(['', 'aa00000009', 'AA0000000', 'AA000000099', 'A A0000000'])('rejects the malformed %p', (id) => {
    expect(isValidResidentId(id)).toBe(false);
  });
});

describe('isValidResidentId, new form (since 2021)', () => {
  it.each([
    'A800000014', // 1 + 8×8 + 1 + 4 = 70
    'G800000001', // G=16 → 1 + 54; 8×8 = 64; + 1 = 120
    'Z931415922', // Z=33 → 3 + 27; 72+21+6+20+4+15+18+2 = 158; + 2 = 190 (female: 9)
  ])('accepts %s', (id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it('rejects every other check digit', () => {
    for (const d of '012356789') expect(isValidResidentId(withChar('A800000014', 9, d))).toBe(false);
  });

  it('is not a national ID: second digit 1 or 2 is refused', () => {
    expect(isValidResidentId('U139514691')).toBe(false);
    expect(isValidResidentId('A123456789')).toBe(false);
  });
});
