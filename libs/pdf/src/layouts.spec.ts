import { describe, expect, it } from '@jest/globals';
import { groupPassword, passwordNoticeDocument, type PasswordNoticeData } from './password-notice.layout';
import { pdfPages, pdfText } from './pdf-text';
import { proofSheetDocument } from './proof-sheet.layout';
import { renderPdf } from './render';

const NOTICE: PasswordNoticeData = {
  bankName: '合作金庫商業銀行',
  branchCode: '0060000',
  branchName: '營業部',
  customerName: '陳怡君',
  maskedIdNumber: 'U1****4691',
  commonName: 'U139514691-00-261124',
  certType: 'FXML',
  medium: 'IKEY',
  password: 'K7QM3XTP9HCA',
  validUntil: new Date('2026-12-24T15:59:59.999Z'),
  maxTries: 5,
  tellerCode: 'teller01',
  printedAt: new Date('2026-11-24T01:05:07Z'),
  noticeNumber: 'N2611240001AB',
};

/** pdftotext keeps the layout's spaces; compare text with all whitespace removed. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('password notice (憑證密碼通知書)', () => {
  it('prints what the customer needs, in both calendars, with the password on the sealed part', async () => {
    const pdf = await renderPdf(passwordNoticeDocument(NOTICE));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      '憑證密碼通知書',
      '合作金庫商業銀行',
      '陳怡君',
      'U1****4691',
      'U139514691-00-261124',
      'iKey 載具',
      '民國 115/12/24（2026-12-24）',
      'teller01',
      '民國 115/11/24 09:05:07',
      'N2611240001AB',
      '密封聯',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('K7QM 3XTP 9HCA');
    // The sealed part comes after the tear-off line: nothing above it gives the password away.
    const tear = text.indexOf('沿虛線撕開');
    expect(tear).toBeGreaterThan(0);
    expect(squeeze(text.slice(0, tear))).not.toContain('K7QM3XTP9HCA');
    expect(text).not.toContain('U139514691 ');
  });

  it('fits on one A4 page', async () => {
    const pdf = await renderPdf(passwordNoticeDocument({ ...NOTICE, customerName: '歐陽'.repeat(20) }));
    expect(pdfPages(pdf)).toBe(1);
  });

  it('groups the password in fours', () => {
    expect(groupPassword('ABCDEFGHJKMN')).toBe('ABCD EFGH JKMN');
    expect(groupPassword('ABCDEFGHJK')).toBe('ABCD EFGH JK');
  });
});

describe('proof sheet (憑證證明單)', () => {
  it('prints the certificate details with serial and fingerprint in colon hex', async () => {
    const pdf = await renderPdf(
      proofSheetDocument({
        bankName: '合作金庫商業銀行',
        branchName: '營業部',
        commonName: 'U139514691-00-261124',
        subjectDn: 'C=TW, O=Finance, OU=FXML, CN=U139514691-00-261124',
        issuerDn: 'C=TW, O=Finance, CN=FXML CA',
        serialHex: '0a1b2c3d4e5f',
        usage: 'SIGNING',
        notBefore: new Date('2026-11-24T02:00:00Z'),
        notAfter: new Date('2027-11-24T02:00:00Z'),
        status: 'SUSPENDED',
        medium: 'PC',
        sha256Fingerprint: 'ab'.repeat(32),
        printedAt: new Date('2026-11-24T03:00:00Z'),
      }),
    );
    const text = pdfText(pdf);
    for (const expected of [
      '憑證證明單',
      'U139514691-00-261124',
      'CN=FXML CA',
      '0A:1B:2C:3D:4E:5F',
      '簽章憑證',
      '暫禁',
      '民國 115/11/24（2026-11-24）',
      '民國 116/11/24（2027-11-24）',
      '列印日期',
    ]) {
      expect(text).toContain(expected);
    }
    const half = `${'AB:'.repeat(15)}AB`;
    expect(squeeze(text)).toContain(`SHA-256指紋${half}${half}`);
    expect(pdfPages(pdf)).toBe(1);
  });
});
