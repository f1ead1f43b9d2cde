import { describe, expect, it } from '@jest/globals';
import {
  generateApplicationPassword,
  generateNoticeNumber,
  normalizeApplicationPassword,
  PASSWORD_ALPHABET,
} from './application-password';

describe('application passwords', () => {
  it('are 12 symbols from an alphabet without look-alikes, different every time', () => {
    const many = Array.from({ length: 2000 }, () => generateApplicationPassword());
    expect(new Set(many).size).toBe(many.length);
    for (const p of many) expect(p).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(PASSWORD_ALPHABET).not.toMatch(/[01ILO]/);
    // Every symbol turns up: the draw covers the whole alphabet.
    expect(new Set(many.join('')).size).toBe(PASSWORD_ALPHABET.length);
  });

  it('are read back the way a customer may type them', () => {
    expect(normalizeApplicationPassword('k7qm 3xtp-9hca')).toBe('K7QM3XTP9HCA');
    expect(normalizeApplicationPassword('Ｋ７ＱＭ３ＸＴＰ９ＨＣＡ')).toBe('K7QM3XTP9HCA');
  });

  it('notice numbers carry the day', () => {
    expect(generateNoticeNumber('261124')).toMatch(/^N261124[2-9A-HJKMNP-Z]{6}$/);
  });
});
