import { describe, expect, it } from '@jest/globals';
import { isValidBusinessNumber } from './business-number';

const withChar = (v: string, i: number, c: string): string => v.slice(0, i) + c + v.slice(i + 1);

describe('isValidBusinessNumber', () => {
  it.each([
    '04595257', // 0 + 8 + 5 + (18 → 9) + 5 + 4 + (20 → 2) + 7 = 40
    '10458575', // 1 + 0 + 4 + (10 → 1) + 8 + (10 → 1) + (28 → 10) + 5 = 30, 7th digit 7 but plain rule suffices
    '22099131', // 2 + 4 + 0 + (18 → 9) + 9 + 2 + (12 → 3) + 1 = 30
  ])('accepts %s (multiple of 10: valid before and after 2023)', (v) => {
    expect(isValidBusinessNumber(v)).toBe(true);
  });

  it('accepts a sum that is a multiple of 5 only (財政部 rule since 2023-04-01)', () => {
    // 04595252: 0 + 8 + 5 + 9 + 5 + 4 + 2 + 2 = 35.
    expect(isValidBusinessNumber('04595252')).toBe(true);
  });

  it('accepts sum + 1 when the 7th digit is 7 (its 28 may count as 1 instead of 10)', () => {
    // 12345675: 1 + 4 + 3 + 8 + 5 + (12 → 3) + (28 → 10) + 5 = 39; counting 28 as 1 gives 30.
    expect(isValidBusinessNumber('12345675')).toBe(true);
    // 40092476: 4 + 0 + 0 + (18 → 9) + 2 + 8 + 10 + 6 = 39.
    expect(isValidBusinessNumber('40092476')).toBe(true);
  });

  it('does not give the sum + 1 allowance without a 7 in 7th place', () => {
    // 04595256: sum 39 like 12345675, but its 7th digit is 5.
    expect(isValidBusinessNumber('04595256')).toBe(false);
    // 12345685: 7th digit 8 → 32 → 5; sum 1 + 4 + 3 + 8 + 5 + 3 + 5 + 5 = 34.
    expect(isValidBusinessNumber('12345685')).toBe(false);
  });

  it('rejects every last digit but the two that keep the sum a multiple of 5', () => {
    for (const d of '0123456789') {
      expect(isValidBusinessNumber(withChar('04595257', 7, d))).toBe(d === '7' || d === '2');
    }
  });

  it('rejects a changed 2nd digit: 04595257 → 05595257 (4×2 = 8 becomes 5×2 = 10 → 1) sums 33', () => {
    expect(isValidBusinessNumber('05595257')).toBe(false);
  });

  it.each(['', '0459525', '045952570', '0459525A', ' 04595257', '0459-5257', '１２３４５６７５'])(
    'rejects the malformed %p',
    (v) => {
      expect(isValidBusinessNumber(v)).toBe(false);
    },
  );

  it('rejects typical wrong numbers', () => {
    expect(isValidBusinessNumber('12345678')).toBe(false); // 1+4+3+8+5+3+10+8 = 42
    expect(isValidBusinessNumber('04595258')).toBe(false); // 41
  });
});
