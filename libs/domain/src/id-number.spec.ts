import { describe, expect, it } from '@jest/globals';
import { CustomerKind, IdKind } from '@app/contracts';
import { classifyIdNumber, customerKindOf, idNumberErrorCode, maskIdNumber, normalizeIdNumber } from './id-number';

describe('normalizeIdNumber', () => {
  it('trims, removes inner spaces and upper-cases', () => {
    expect(normalizeIdNumber('  u1395 14691 ')).toBe('U139514691');
    expect(normalizeIdNumber('0459 5257')).toBe('04595257');
  });

  it('folds full-width characters and the ideographic space typed by Chinese input methods', () => {
    expect(normalizeIdNumber('Ｕ１３９５１４６９１\u3000')).toBe('U139514691');
  });
});

describe('classifyIdNumber', () => {
  it.each([
    ['U139514691', IdKind.NATIONAL_ID],
    [' f246061918 ', IdKind.NATIONAL_ID],
    ['A800000014', IdKind.RESIDENT_ID],
    ['AC01234567', IdKind.RESIDENT_ID],
    ['04595257', IdKind.BUSINESS_NUMBER],
    ['1045 8575', IdKind.BUSINESS_NUMBER],
  ])('%p is a %s', (v, kind) => {
    expect(classifyIdNumber(v)).toBe(kind);
  });

  it.each(['', 'U139514692', 'A800000015', '04595258', 'ABCDEFGHIJ', '123'])('%p is nothing', (v) => {
    expect(classifyIdNumber(v)).toBeNull();
  });
});

describe('customerKindOf', () => {
  it('makes business numbers businesses and personal IDs individuals', () => {
    expect(customerKindOf(IdKind.BUSINESS_NUMBER)).toBe(CustomerKind.BUSINESS);
    expect(customerKindOf(IdKind.NATIONAL_ID)).toBe(CustomerKind.INDIVIDUAL);
    expect(customerKindOf(IdKind.RESIDENT_ID)).toBe(CustomerKind.INDIVIDUAL);
  });
});

describe('idNumberErrorCode', () => {
  it('is null for valid numbers of every kind', () => {
    expect(idNumberErrorCode('u139514691')).toBeNull();
    expect(idNumberErrorCode('A800000014')).toBeNull();
    expect(idNumberErrorCode('04595257')).toBeNull();
  });

  it('speaks of business numbers for digits only', () => {
    expect(idNumberErrorCode('04595258')).toBe('BUSINESS_NUMBER_INVALID');
    expect(idNumberErrorCode('0459525')).toBe('BUSINESS_NUMBER_INVALID');
  });

  it('speaks of personal IDs otherwise', () => {
    expect(idNumberErrorCode('U139514692')).toBe('ID_NUMBER_INVALID');
    expect(idNumberErrorCode('AE00000007')).toBe('ID_NUMBER_INVALID');
    expect(idNumberErrorCode('')).toBe('ID_NUMBER_INVALID');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first two and last four characters of a personal ID', () => {
    expect(maskIdNumber('U139514691')).toBe('U1****4691');
    expect(maskIdNumber(' u139514691')).toBe('U1****4691');
  });

  it('keeps the first two and last two digits of a business number', () => {
    expect(maskIdNumber('04595257')).toBe('04****57');
  });

  it('hides short input completely', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('')).toBe('');
  });
});
