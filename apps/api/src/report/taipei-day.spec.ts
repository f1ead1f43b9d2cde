import { describe, expect, it } from '@jest/globals';
import { addDays, taipeiDay, taipeiDayBounds } from './taipei-day';

describe('Taipei days', () => {
  it('turns the day at Taipei midnight, 16:00 UTC', () => {
    expect(taipeiDay(new Date('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23');
    expect(taipeiDay(new Date('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24');
  });

  it('bounds a day from its Taipei midnight to the next', () => {
    expect(taipeiDayBounds('2026-11-24')).toEqual({
      from: new Date('2026-11-23T16:00:00.000Z'),
      to: new Date('2026-11-24T16:00:00.000Z'),
    });
  });

  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
  });
});
