import { describe, expect, it } from '@jest/globals';
import { buildSubjectDn, DEFAULT_DN_TEMPLATE, escapeDnValue, formatDn } from './subject-dn';
import { domainErrorOf } from '@app/contracts/testing/domain-error';

const VALUES = {
  bankCode: '0060000',
  bankName: 'Taiwan Cooperative Bank',
  certType: 'FXML',
  cn: 'U139514691-00-090319',
};

describe('buildSubjectDn + formatDn', () => {
  it('gives the SPEC example exactly', () => {
    expect(formatDn(buildSubjectDn(DEFAULT_DN_TEMPLATE, VALUES))).toBe(
      'C=TW, O=Finance, OU=TWCA Financial User CA, OU=0060000-Taiwan Cooperative Bank, OU=FXML, CN=U139514691-00-090319',
    );
  });

  it('returns one attribute per RDN, in template order', () => {
    expect(buildSubjectDn(DEFAULT_DN_TEMPLATE, VALUES)).toEqual([
      { type: 'C', value: 'TW' },
      { type: 'O', value: 'Finance' },
      { type: 'OU', value: 'TWCA Financial User CA' },
      { type: 'OU', value: '0060000-Taiwan Cooperative Bank' },
      { type: 'OU', value: 'FXML' },
      { type: 'CN', value: 'U139514691-00-090319' },
    ]);
  });

  it('follows another template, with spacing and case of types normalised', () => {
    const rdns = buildSubjectDn('c=TW,o=Example Bank,  l=Taipei , CN={cn}', VALUES);
    expect(formatDn(rdns)).toBe('C=TW, O=Example Bank, L=Taipei, CN=U139514691-00-090319');
  });

  it('keeps escaped commas of the template inside their value', () => {
    const rdns = buildSubjectDn('C=TW, O=Finance\\, Inc., CN={cn}', VALUES);
    expect(rdns[1]).toEqual({ type: 'O', value: 'Finance, Inc.' });
    expect(formatDn(rdns)).toBe('C=TW, O=Finance\\, Inc., CN=U139514691-00-090319');
  });

  it('escapes special characters of filled-in values', () => {
    const rdns = buildSubjectDn(DEFAULT_DN_TEMPLATE, { ...VALUES, bankName: 'Bank, Ltd. <A+B>' });
    expect(rdns[3].value).toBe('0060000-Bank, Ltd. <A+B>');
    expect(formatDn(rdns)).toContain('OU=0060000-Bank\\, Ltd. \\<A\\+B\\>, OU=FXML');
  });

  it('refuses an unknown placeholder, naming it', () => {
    const error = domainErrorOf(() => buildSubjectDn('C=TW, OU={branchName}, CN={cn}', VALUES));
    expect(error.code).toBe('FIELD_INVALID');
    expect(error.details).toEqual({ placeholder: 'branchName' });
  });

  it('refuses an unclosed placeholder', () => {
    expect(domainErrorOf(() => buildSubjectDn('C=TW, CN={cn', VALUES)).details).toEqual({ placeholder: 'cn' });
  });

  it.each(['', '   '])('refuses an empty value (%p) for a placeholder, naming it', (bankName) => {
    const error = domainErrorOf(() => buildSubjectDn(DEFAULT_DN_TEMPLATE, { ...VALUES, bankName }));
    expect(error.code).toBe('FIELD_INVALID');
    expect(error.details).toEqual({ placeholder: 'bankName' });
  });

  it.each(['C=TW, X=1, CN={cn}', 'C=TW, CN', 'C=TW, , CN={cn}', 'C=TW, =x, CN={cn}', 'C=TW, O=, CN={cn}'])(
    'refuses the malformed template %p',
    (template) => {
      expect(domainErrorOf(() => buildSubjectDn(template, VALUES)).code).toBe('FIELD_INVALID');
    },
  );

  it('refuses values beyond the RFC 5280 upper bounds', () => {
    const longCn = domainErrorOf(() => buildSubjectDn(DEFAULT_DN_TEMPLATE, { ...VALUES, cn: 'X'.repeat(65) }));
    expect(longCn.code).toBe('FIELD_TOO_LONG');
    expect(longCn.details).toEqual({ attribute: 'CN', max: 64 });
    expect(buildSubjectDn(DEFAULT_DN_TEMPLATE, { ...VALUES, cn: 'X'.repeat(64) })).toHaveLength(6);
    expect(domainErrorOf(() => buildSubjectDn('C=TWN, CN={cn}', VALUES)).details).toEqual({ attribute: 'C', max: 2 });
  });
});

describe('escapeDnValue (RFC 4514 §2.4)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a+b', 'a\\+b'],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['<x>', '\\<x\\>'],
    ['a;b', 'a\\;b'],
    ['a=b', 'a\\=b'],
    ['#1', '\\#1'],
    ['a#1', 'a#1'],
    [' lead', '\\ lead'],
    ['trail ', 'trail\\ '],
    ['nul\0', 'nul\\00'],
    ['合作金庫', '合作金庫'],
  ])('%p → %p', (raw, escaped) => {
    expect(escapeDnValue(raw)).toBe(escaped);
  });
});
