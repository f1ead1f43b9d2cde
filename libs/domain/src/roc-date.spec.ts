import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  isoToRocDate,
  parseRocDate,
  rocToIsoDate,
  rocYear,
  toGregorianDate,
  toRocDate,
  toRocDateTime,
} from './roc-date';

describe('rocYear', () => {
  it('subtracts 1911', () => {
    expect(rocYear(1912)).toBe(1);
    expect(rocYear(2009)).toBe(98);
    expect(rocYear(2026)).toBe(115);
  });

  it('has no year before 民國 1', () => {
    expect(() => rocYear(1911)).toThrow(RangeError);
    expect(() => rocYear(2009.5)).toThrow(RangeError);
  });
});

describe('toRocDate / toRocDateTime / toGregorianDate (Taipei day)', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('formats the manual example 98/03/19', () => {
    expect(toRocDate(new Date('2009-03-19T06:55:22Z'))).toBe('98/03/19');
  });

  it('does not pad a three-digit year, pads month and day', () => {
    expect(toRocDate(new Date('2026-11-24T01:05:07Z'))).toBe('115/11/24');
    expect(toRocDate(new Date('1912-01-05T00:00:00Z'))).toBe('1/01/05');
  });

  it('turns the day at Taipei midnight (16:00 UTC), not UTC midnight', () => {
    expect(toRocDate(new Date('2009-03-18T15:59:59Z'))).toBe('98/03/18');
    expect(toRocDate(new Date('2009-03-18T16:00:00Z'))).toBe('98/03/19');
    expect(toGregorianDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('prints time of day in Taipei, 24-hour, zero-padded', () => {
    expect(toRocDateTime(new Date('2026-11-24T01:05:07Z'))).toBe('115/11/24 09:05:07');
    expect(toRocDateTime(new Date('2009-03-19T15:30:00Z'))).toBe('98/03/19 23:30:00');
  });

  it('ignores the process time zone', () => {
    // Jest's sandbox cannot switch TZ, so make every local getter read as in UTC−8 (e.g. California).
    const localGetters = {
      getFullYear: 'getUTCFullYear',
      getMonth: 'getUTCMonth',
      getDate: 'getUTCDate',
      getDay: 'getUTCDay',
      getHours: 'getUTCHours',
      getMinutes: 'getUTCMinutes',
      getSeconds: 'getUTCSeconds',
    } as const;
    for (const [local, utc] of Object.entries(localGetters)) {
      jest.spyOn(Date.prototype, local as keyof typeof localGetters).mockImplementation(function (this: Date) {
        return new Date(this.getTime() - 8 * 3600_000)[utc]();
      });
    }
    jest.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(480);
    const d = new Date('2026-11-23T17:00:00Z'); // 09:00 on the 23rd in California, 01:00 on the 24th in Taipei
    expect(d.getHours()).toBe(9);
    expect(toRocDateTime(d)).toBe('115/11/24 01:00:00');
    expect(toGregorianDate(d)).toBe('2026-11-24');
  });

  it('refuses an invalid Date', () => {
    expect(() => toRocDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('parseRocDate', () => {
  it.each([
    '98/03/19',
    '098/03/19',
    '98/3/19',
    '民國98年3月19日',
    '98年03月19日',
    ' 98 / 03 / 19 ',
    '９８／０３／１９',
  ])('reads %p as 2009-03-19', (s) => {
    expect(parseRocDate(s)).toEqual({ year: 98, month: 3, day: 19 });
  });

  it('reads three-digit years', () => {
    expect(parseRocDate('115/11/24')).toEqual({ year: 115, month: 11, day: 24 });
  });

  it('knows leap years by the Gregorian rule', () => {
    expect(parseRocDate('97/02/29')).toEqual({ year: 97, month: 2, day: 29 }); // 2008
    expect(parseRocDate('89/02/29')).toEqual({ year: 89, month: 2, day: 29 }); // 2000: divisible by 400
    expect(parseRocDate('98/02/29')).toBeNull(); // 2009
    expect(parseRocDate('189/02/29')).toBeNull(); // 2100: divisible by 100
  });

  it.each([
    '0/01/01',
    '000/01/01',
    '98/13/01',
    '98/00/10',
    '98/04/31',
    '98/03/00',
    '2009/03/19',
    '98-03-19',
    '98/03',
    '民國98年2月29日',
    '民國98年3月19',
    'abc',
    '',
  ])('rejects %p', (s) => {
    expect(parseRocDate(s)).toBeNull();
  });
});

describe('rocToIsoDate / isoToRocDate', () => {
  it('converts both ways', () => {
    expect(rocToIsoDate('98/03/19')).toBe('2009-03-19');
    expect(rocToIsoDate('民國115年11月24日')).toBe('2026-11-24');
    expect(rocToIsoDate('1/01/01')).toBe('1912-01-01');
    expect(isoToRocDate('2009-03-19')).toBe('98/03/19');
    expect(isoToRocDate('2026-11-24')).toBe('115/11/24');
  });

  it('gives null for what it cannot convert', () => {
    expect(rocToIsoDate('98/02/29')).toBeNull();
    expect(isoToRocDate('2009-02-29')).toBeNull();
    expect(isoToRocDate('1911-12-31')).toBeNull();
    expect(isoToRocDate('2009-3-19')).toBeNull();
    expect(isoToRocDate('19/03/2009')).toBeNull();
  });
});
