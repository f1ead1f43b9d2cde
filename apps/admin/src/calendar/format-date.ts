import { toGregorianDate, toRocDate } from '@app/domain';
import type { Calendar } from './use-calendar';

function rocDateOrGregorian(d: Date): string {
  try {
    return toRocDate(d);
  } catch (error) {
    if (error instanceof RangeError) return toGregorianDate(d);
    throw error;
  }
}

const TAIPEI_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Taipei',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Taipei time of day, `HH:mm:ss`, as toRocDateTime writes it: the same in both calendars. */
export function formatTime(d: Date): string {
  return TAIPEI_TIME.format(d);
}

/**
 * `d` as the chosen calendar writes it: `115/11/24` or `2026-11-24`, with ` 09:05:07` when asked.
 * Dates before the ROC era (1912) have no ROC year and fall back to Gregorian.
 */
export function formatDate(d: Date, calendar: Calendar, withTime = false): string {
  const date = calendar === 'roc' ? rocDateOrGregorian(d) : toGregorianDate(d);
  return withTime ? `${date} ${formatTime(d)}` : date;
}
