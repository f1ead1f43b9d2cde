import { describe, expect, it } from '@jest/globals';
import { normalizeSerialHex } from './serial-hex';

describe('normalizeSerialHex', () => {
  it('reads the forms OpenSSL and certificate viewers print', () => {
    expect(normalizeSerialHex('4A:3F:00:01')).toBe('4a3f0001');
    expect(normalizeSerialHex(' 4a 3f 00 01 ')).toBe('4a3f0001');
    expect(normalizeSerialHex('00:4A:3F')).toBe('4a3f');
  });

  it('keeps the zero nibble of a first byte below 0x10, as the bytes are stored', () => {
    expect(normalizeSerialHex('0A:3F:01')).toBe('0a3f01');
    expect(normalizeSerialHex('a3f01')).toBe('0a3f01');
  });
});
