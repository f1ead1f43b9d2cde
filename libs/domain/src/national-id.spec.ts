import { describe, expect, it } from '@jest/globals';
import { isValidNationalId } from './national-id';

/** Replace the character at `i`. */
const withChar = (v: string, i: number, c: string): string => v.slice(0, i) + c + v.slice(i + 1);
const DIGITS = '0123456789'.split('');

describe('isValidNationalId', () => {
  it.each([
    'U139514691', // platform manual; U=28: 2 + 8×9 + 8+21+54+25+4+12+12+9 + 1 = 220
    'F246061918', // platform manual
    'A123456789', // 1 + 8+14+18+20+20+18+14+8 + 9 = 130
    'I123456781', // I=34, out of alphabetical order: 3 + 36 + 120 + 1 = 160
    'O234567896', // O=35: 3 + 45 + 16+21+24+25+24+21+16+9 + 6 = 210
    'W111222335', // W=32: 3 + 18 + 8+7+6+10+8+6+6+3 + 5 = 80
    'Z200000004', // Z=33: 3 + 27 + 16 + 4 = 50
    'Y100000000', // Y=31: 3 + 9 + 8 = 20
    'X214365873', // X=30: 3 + 0 + 16+7+24+15+24+15+16+7 + 3 = 130
  ])('accepts %s', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });

  it.each(['', 'U13951469', 'U1395146910', 'u139514691', ' U139514691', '1139514691', 'UU39514691', 'U13951469A'])(
    'rejects the malformed %p',
    (id) => {
      expect(isValidNationalId(id)).toBe(false);
    },
  );

  it('rejects a second digit other than 1 or 2, even with a matching checksum', () => {
    // A800000014 has a valid checksum but is a new-form resident certificate number.
    expect(isValidNationalId('A800000014')).toBe(false);
    expect(isValidNationalId('A300000000')).toBe(false);
  });

  it('rejects every other check digit', () => {
    for (const d of DIGITS.filter((d) => d !== '1'))
      expect(isValidNationalId(withChar('U139514691', 9, d))).toBe(false);
  });

  it('rejects every change of a digit whose weight is prime to 10 (weights 7, 3 and 1)', () => {
    for (const i of [2, 6, 8]) {
      for (const d of DIGITS.filter((d) => d !== 'U139514691'[i])) {
        expect(isValidNationalId(withChar('U139514691', i, d))).toBe(false);
      }
    }
  });

  it('rejects the letter of another region, except the one that weighs the same modulo 10', () => {
    // U = 28 weighs 2 + 8×9 = 74; of the other letters only H = 17 (1 + 7×9 = 64) ends in 4 too.
    for (const letter of 'ABCDEFGIJKLMNOPQRSTVWXYZ') {
      expect(isValidNationalId(withChar('U139514691', 0, letter))).toBe(letter === 'H');
    }
  });

  it('has the blind spots of its weights: a change by 10 in the weighted sum goes unnoticed', () => {
    // 4th digit (weight 5) 5 → 7 adds 10: 230. The check digit catches typos, not every typo.
    expect(isValidNationalId('U139714691')).toBe(true);
    expect(isValidNationalId('U139614691')).toBe(false);
  });
});
