import { describe, expect, it } from '@jest/globals';
import { buildCommonName, nextCnSequence, parseCommonName } from './cn-policy';
import { domainErrorOf } from '@app/contracts/testing/domain-error';

/** Runs `fn` and returns the DomainError it throws. */
// 98/03/19 14:55:22 in Taipei, the manual's query time.
const MANUAL_DAY = new Date('2009-03-19T06:55:22Z');

describe('buildCommonName', () => {
  it('builds the manual example', () => {
    expect(buildCommonName({ idNumber: 'U139514691', sequence: 0, issuedAt: MANUAL_DAY })).toBe('U139514691-00-090319');
  });

  it('uses the 8-digit date for a FEDI conversion', () => {
    const issuedAt = new Date('2009-03-23T03:53:21Z');
    expect(buildCommonName({ idNumber: 'U139514691', sequence: 0, issuedAt, conversion: true })).toBe(
      'U139514691-00-20090323',
    );
  });

  it('dates by the Taipei day', () => {
    // 2009-03-19 00:30 in Taipei is still the 18th in UTC.
    const issuedAt = new Date('2009-03-18T16:30:00Z');
    expect(buildCommonName({ idNumber: 'U139514691', sequence: 7, issuedAt })).toBe('U139514691-07-090319');
  });

  it('normalises the ID and accepts business numbers and resident IDs', () => {
    expect(buildCommonName({ idNumber: ' u139514691', sequence: 12, issuedAt: MANUAL_DAY })).toBe(
      'U139514691-12-090319',
    );
    expect(buildCommonName({ idNumber: '04595257', sequence: 99, issuedAt: MANUAL_DAY })).toBe('04595257-99-090319');
    expect(buildCommonName({ idNumber: 'A800000014', sequence: 1, issuedAt: MANUAL_DAY })).toBe('A800000014-01-090319');
  });

  it.each([-1, 100, 1.5, Number.NaN])('refuses the sequence %p with FIELD_INVALID', (sequence) => {
    const error = domainErrorOf(() => buildCommonName({ idNumber: 'U139514691', sequence, issuedAt: MANUAL_DAY }));
    expect(error.code).toBe('FIELD_INVALID');
    expect(error.details).toMatchObject({ field: 'sequence' });
  });

  it('refuses an invalid ID with its own code', () => {
    expect(
      domainErrorOf(() => buildCommonName({ idNumber: 'U139514692', sequence: 0, issuedAt: MANUAL_DAY })).code,
    ).toBe('ID_NUMBER_INVALID');
    expect(domainErrorOf(() => buildCommonName({ idNumber: '04595258', sequence: 0, issuedAt: MANUAL_DAY })).code).toBe(
      'BUSINESS_NUMBER_INVALID',
    );
  });
});

describe('parseCommonName', () => {
  it('reads the manual examples', () => {
    expect(parseCommonName('U139514691-00-090319')).toEqual({
      idNumber: 'U139514691',
      sequence: 0,
      date: '2009-03-19',
      conversion: false,
    });
    expect(parseCommonName('U139514691-00-20090323')).toEqual({
      idNumber: 'U139514691',
      sequence: 0,
      date: '2009-03-23',
      conversion: true,
    });
  });

  it('reads back what buildCommonName makes', () => {
    const issuedAt = new Date('2026-02-28T20:00:00Z'); // 2026-03-01 04:00 in Taipei
    const cn = buildCommonName({ idNumber: '10458575', sequence: 42, issuedAt });
    expect(cn).toBe('10458575-42-260301');
    expect(parseCommonName(cn)).toEqual({ idNumber: '10458575', sequence: 42, date: '2026-03-01', conversion: false });
  });

  it.each([
    'F246061918', // the manual's FEDI-era CN without sequence and date
    'U139514692-00-090319', // bad check digit
    'u139514691-00-090319',
    'U139514691-0-090319',
    'U139514691-000-090319',
    'U139514691-00-0903190',
    'U139514691-00-090230', // 30 February
    'U139514691-00-20090229', // 2009 not a leap year
    'U139514691-00-091319',
    ' U139514691-00-090319',
    '',
  ])('rejects %p', (cn) => {
    expect(parseCommonName(cn)).toBeNull();
  });
});

describe('nextCnSequence', () => {
  it('starts at 0 and goes one past the highest used', () => {
    expect(nextCnSequence([])).toBe(0);
    expect(nextCnSequence([0])).toBe(1);
    expect(nextCnSequence([3, 0, 1])).toBe(4);
    expect(nextCnSequence([98])).toBe(99);
  });

  it('refuses to go past 99', () => {
    const error = domainErrorOf(() => nextCnSequence([99]));
    expect(error.code).toBe('FIELD_INVALID');
    expect(error.details).toMatchObject({ field: 'sequence', max: 99 });
  });
});
