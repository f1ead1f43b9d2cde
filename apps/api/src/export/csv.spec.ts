import { describe, expect, it } from '@jest/globals';
import { csvField, csvLine, taipeiDateTime, UTF8_BOM } from './csv';

describe('CSV writer', () => {
  it('quotes only what RFC 4180 requires and doubles quotes', () => {
    expect(csvLine(['張美玲', 'a,b', 'say "hi"', 'two\nlines', null, 42])).toBe(
      '張美玲,"a,b","say ""hi""","two\nlines",,42\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+886912345678')).toBe("'+886912345678");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes times in Taipei time, which Excel reads as a date', () => {
    expect(taipeiDateTime(new Date('2026-11-23T16:30:05.123Z'))).toBe('2026-11-24 00:30:05');
    expect(csvField(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01 08:00:00');
  });

  it('has the UTF-8 byte order mark Excel looks for', () => {
    expect(Buffer.from(UTF8_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
