import { afterAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/contracts';
import { buildSubjectDn, DEFAULT_DN_TEMPLATE, type DnAttribute } from '@app/domain';
import { buildName, encodeName, parseName, sameDn, toDnAttributes } from './distinguished-name';
import { OpensslWorkspace } from './testing/openssl';

const SUBJECT: DnAttribute[] = buildSubjectDn(DEFAULT_DN_TEMPLATE, {
  bankCode: '0060000',
  bankName: '合作金庫商業銀行',
  certType: 'FXML',
  cn: 'U139514691-00-090319',
});

describe('encodeName', () => {
  const ws = new OpensslWorkspace();
  afterAll(() => ws.dispose());

  it('writes one SET per attribute, in order, PrintableString for ASCII and UTF8String for Chinese', () => {
    const path = ws.file('name.der', encodeName(SUBJECT));
    const dump = ws.run(['asn1parse', '-inform', 'DER', '-in', path]);
    const sets = dump.split('\n').filter((l) => l.includes(' SET '));
    expect(sets).toHaveLength(6);
    const values = dump
      .split('\n')
      .filter((l) => /PRINTABLESTRING|UTF8STRING|IA5STRING/.test(l))
      .map((l) =>
        l
          .replace(/^.*prim: /, '')
          .replace(/\s+:/, ':')
          .trim(),
      );
    expect(values).toEqual([
      'PRINTABLESTRING:TW',
      'PRINTABLESTRING:Finance',
      'PRINTABLESTRING:TWCA Financial User CA',
      expect.stringMatching(/^UTF8STRING:/),
      'PRINTABLESTRING:FXML',
      'PRINTABLESTRING:U139514691-00-090319',
    ]);
  });

  it('uses UTF8String for ASCII outside the PrintableString set and IA5String for e-mail', () => {
    const der = encodeName([
      { type: 'O', value: 'A&B_Co' },
      { type: 'E', value: 'a@b.tw' },
    ]);
    const dump = ws.run(['asn1parse', '-inform', 'DER', '-in', ws.file('n2.der', der)]);
    expect(dump).toMatch(/UTF8STRING\s+:A&B_Co/);
    expect(dump).toMatch(/IA5STRING\s+:a@b.tw/);
  });

  it('refuses a country that is not two letters and an empty value', () => {
    expect(() => encodeName([{ type: 'C', value: 'TWN' }])).toThrow(DomainError);
    expect(() => encodeName([{ type: 'CN', value: '' }])).toThrow(DomainError);
  });
});

describe('parseName', () => {
  it('round-trips the Chinese value and the RDN order', () => {
    const parsed = parseName(buildName(SUBJECT));
    expect(parsed.rdns).toHaveLength(6);
    expect(toDnAttributes(parsed)).toEqual(SUBJECT);
    expect(parsed.display).toBe(
      'C=TW, O=Finance, OU=TWCA Financial User CA, OU=0060000-合作金庫商業銀行, OU=FXML, CN=U139514691-00-090319',
    );
    expect(parsed.rfc4514).toBe(
      'CN=U139514691-00-090319,OU=FXML,OU=0060000-合作金庫商業銀行,OU=TWCA Financial User CA,O=Finance,C=TW',
    );
    expect(Buffer.from(parsed.der)).toEqual(Buffer.from(encodeName(SUBJECT)));
  });

  it('keeps a multi-valued RDN together, escapes specials and names unknown types by OID', () => {
    // SEQUENCE { SET { CN=a,b ; 2.5.4.5=123 } } built by hand: a multi-valued RDN as other software writes it
    const hex =
      '301a' +
      '3118' +
      '300a' +
      '0603550403' +
      '1303' +
      Buffer.from('a,b').toString('hex') +
      '300a' +
      '0603550405' +
      '1303' +
      Buffer.from('123').toString('hex');
    const parsed = parseName(new Uint8Array(Buffer.from(hex, 'hex')));
    expect(parsed.rdns).toEqual([
      [
        { type: 'CN', value: 'a,b' },
        { type: '2.5.4.5', value: '123' },
      ],
    ]);
    expect(parsed.rfc4514).toBe('CN=a\\,b+2.5.4.5=123');
    expect(toDnAttributes(parsed)).toBeUndefined();
  });

  it('throws PKI_DATA_MALFORMED for bytes that are not a Name', () => {
    expect(() => parseName(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow(
      expect.objectContaining({ code: 'PKI_DATA_MALFORMED' }) as unknown as Error,
    );
    expect(() => parseName(new Uint8Array([1, 2, 3]))).toThrow(DomainError);
    // a length one byte short of the contents: asn1js alone would accept it
    const sloppy = Buffer.from(encodeName([{ type: 'CN', value: 'abc' }]));
    sloppy[1] -= 1;
    expect(() => parseName(new Uint8Array(sloppy))).toThrow(DomainError);
  });

  it('compares DNs exactly', () => {
    expect(sameDn(SUBJECT, SUBJECT)).toBe(true);
    expect(sameDn(SUBJECT, SUBJECT.slice(1))).toBe(false);
    expect(sameDn(SUBJECT, [...SUBJECT.slice(0, 5), { type: 'CN', value: 'X' }])).toBe(false);
  });
});
