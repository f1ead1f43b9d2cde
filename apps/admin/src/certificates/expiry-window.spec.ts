import { describe, expect, it } from '@jest/globals';
import { expiryWindow, formatCalendarDate, parseCalendarDate } from './expiry-window';

describe('expiry window dates', () => {
  it('reads ROC and Gregorian dates and keeps unfinished typing as it is', () => {
    expect(parseCalendarDate('115/12/05', 'roc')).toBe('2026-12-05');
    expect(parseCalendarDate('115/1', 'roc')).toBe('115/1');
    expect(parseCalendarDate('2026-12-05', 'gregorian')).toBe('2026-12-05');
    expect(parseCalendarDate('2026-12', 'gregorian')).toBe('2026-12');
  });

  it('writes the stored date in the chosen calendar', () => {
    expect(formatCalendarDate('2026-12-05', 'roc')).toBe('115/12/05');
    expect(formatCalendarDate('2026-12-05', 'gregorian')).toBe('2026-12-05');
    expect(formatCalendarDate('115/1', 'roc')).toBe('115/1');
    expect(formatCalendarDate(undefined, 'roc')).toBe('');
  });

  it('covers whole Taipei days, the last one included', () => {
    expect(expiryWindow('2026-12-01', '2026-12-31')).toEqual({
      notAfterFrom: '2026-11-30T16:00:00.000Z',
      notAfterTo: '2026-12-31T16:00:00.000Z',
    });
    expect(expiryWindow('115/1', undefined)).toEqual({});
  });
});
