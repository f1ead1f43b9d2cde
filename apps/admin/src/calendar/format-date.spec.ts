import { describe, expect, it } from '@jest/globals';
import { toRocDateTime } from '@app/domain';
import { formatDate, formatTime } from './format-date';

describe('formatDate', () => {
  const instant = new Date('2026-11-24T01:05:07Z'); // 09:05:07 in Taipei

  it('writes the ROC date, with the Taipei time when asked', () => {
    expect(formatDate(instant, 'roc')).toBe('115/11/24');
    expect(formatDate(instant, 'roc', true)).toBe('115/11/24 09:05:07');
  });

  it('writes the Gregorian date in ISO form', () => {
    expect(formatDate(instant, 'gregorian')).toBe('2026-11-24');
    expect(formatDate(instant, 'gregorian', true)).toBe('2026-11-24 09:05:07');
  });

  it('agrees with the domain library on the time of day, past midnight in Taipei too', () => {
    const lateUtc = new Date('2026-11-24T16:30:00Z');
    expect(`${formatDate(lateUtc, 'roc')} ${formatTime(lateUtc)}`).toBe(toRocDateTime(lateUtc));
  });

  it('falls back to Gregorian before the ROC era', () => {
    expect(formatDate(new Date('1900-06-01T00:00:00Z'), 'roc')).toBe('1900-06-01');
  });
});
