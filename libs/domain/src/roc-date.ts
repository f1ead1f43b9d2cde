/**
 * Dates in the ROC (民國) calendar as Taiwan's government and banks print them: year = Gregorian
 * year − 1911 (民國紀元, 1912 = 民國 1 年), `98/03/19` = 2009-03-19.
 *
 * Every calendar day here is a day in Taiwan (Asia/Taipei, UTC+8, no daylight saving since 1980),
 * computed from the instant itself so the process time zone never matters.
 */

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const ROC_EPOCH_OFFSET = 1911;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface TaipeiParts extends CalendarDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function taipeiParts(d: Date): TaipeiParts {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const t = new Date(ms + TAIPEI_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isValidGregorian(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The ROC year of a Gregorian year (1912 → 1, 2009 → 98). Throws RangeError before 1912: the ROC
 * calendar has no year 0 and the RA never deals with 民國前 dates.
 */
export function rocYear(gregorianYear: number): number {
  if (!Number.isInteger(gregorianYear) || gregorianYear <= ROC_EPOCH_OFFSET) {
    throw new RangeError(`No ROC year for ${gregorianYear}`);
  }
  return gregorianYear - ROC_EPOCH_OFFSET;
}

/** The Taipei day of `d` as `yyy/MM/dd` in the ROC calendar, year not padded: `98/03/19`, `115/11/24`. */
export function toRocDate(d: Date): string {
  const { year, month, day } = taipeiParts(d);
  return `${rocYear(year)}/${pad2(month)}/${pad2(day)}`;
}

/** `toRocDate` plus the Taipei time of day, 24-hour: `115/11/24 09:05:07`. */
export function toRocDateTime(d: Date): string {
  const p = taipeiParts(d);
  return `${toRocDate(d)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/** The Taipei day of `d` as ISO 8601 `YYYY-MM-DD`. */
export function toGregorianDate(d: Date): string {
  const { year, month, day } = taipeiParts(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const SLASHED = /^(\d{1,3})\/(\d{1,2})\/(\d{1,2})$/;
const WRITTEN = /^(?:民國)?(\d{1,3})年(\d{1,2})月(\d{1,2})日$/;

/**
 * Reads an ROC date as people write it: `98/03/19`, `098/03/19`, `98/3/19` or `民國98年3月19日`
 * (full-width digits and slashes accepted, spaces ignored). Returns the ROC year with month and day,
 * or null for year 0, impossible days (98/02/29: 2009 is not a leap year) and anything else.
 */
export function parseRocDate(s: string): CalendarDate | null {
  const text = s.normalize('NFKC').replace(/\s+/g, '');
  const m = SLASHED.exec(text) ?? WRITTEN.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || !isValidGregorian(year + ROC_EPOCH_OFFSET, month, day)) return null;
  return { year, month, day };
}

/** An ROC date (any form `parseRocDate` reads) as ISO `YYYY-MM-DD`: `98/03/19` → `2009-03-19`. */
export function rocToIsoDate(s: string): string | null {
  const date = parseRocDate(s);
  if (!date) return null;
  return `${date.year + ROC_EPOCH_OFFSET}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** An ISO `YYYY-MM-DD` date as an ROC date: `2009-03-19` → `98/03/19`; null if invalid or before 1912. */
export function isoToRocDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year <= ROC_EPOCH_OFFSET || !isValidGregorian(year, month, day)) return null;
  return `${year - ROC_EPOCH_OFFSET}/${pad2(month)}/${pad2(day)}`;
}
