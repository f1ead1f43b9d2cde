import { describe, expect, it } from '@jest/globals';
import { ERRORS } from '@app/contracts';
import { FAQ_QUESTIONS, KIOSK_CODES, MANUAL_CODES, faqTargetOf, manualNumberOf } from './faq-entries';

describe('kiosk FAQ and message codes', () => {
  it("opens the table with the manual's four numbers, in the appendix's order", () => {
    const numbered = KIOSK_CODES.filter((code) => manualNumberOf(code));
    expect(KIOSK_CODES.slice(0, numbered.length)).toEqual(numbered);
    const firstOfEach = MANUAL_CODES.map((n) => KIOSK_CODES.findIndex((code) => manualNumberOf(code) === n));
    expect(firstOfEach.every((i) => i >= 0)).toBe(true);
    expect([...firstOfEach].sort((a, b) => a - b)).toEqual(firstOfEach);
    expect(KIOSK_CODES.slice(0, 4)).toEqual([
      'CA_ISSUING',
      'NOTHING_TO_DOWNLOAD',
      'PRIVATE_KEY_NOT_FOUND',
      'AGENT_STORE_ENTRY_NOT_FOUND',
    ]);
  });

  it('holds every code the kiosk page raises itself, and none of the console-only ones', () => {
    for (const code of [
      'AGENT_UNREACHABLE',
      'CLOCK_SKEW',
      'BROWSER_UNSUPPORTED',
      'TOKEN_PIN_FINAL_TRY',
      'APPLICATION_PASSWORD_WRONG',
    ])
      expect(KIOSK_CODES).toContain(code);
    for (const code of ['STAFF_USERNAME_TAKEN', 'APPROVAL_OWN_REQUEST', 'FIELD_REQUIRED'])
      expect(KIOSK_CODES).not.toContain(code);
    expect(new Set(KIOSK_CODES).size).toBe(KIOSK_CODES.length);
  });

  it('points each question at a row of the table', () => {
    for (const { code } of FAQ_QUESTIONS) expect(KIOSK_CODES).toContain(code);
    // Each of the manual's numbers has a row with a remedy of its own, not only "ask the counter".
    for (const n of MANUAL_CODES)
      expect(KIOSK_CODES.some((c) => manualNumberOf(c) === n && 'remedy' in ERRORS[c])).toBe(true);
    expect(new Set(FAQ_QUESTIONS.map((q) => q.id)).size).toBe(FAQ_QUESTIONS.length);
  });

  it('sends an error to its own row, and anything else to the top', () => {
    expect(faqTargetOf('CA_ISSUING')).toBe('CA_ISSUING');
    expect(faqTargetOf('APPROVAL_OWN_REQUEST')).toBeNull();
    expect(faqTargetOf('NO_SUCH_CODE')).toBeNull();
    expect(faqTargetOf(null)).toBeNull();
  });
});
