import type { CertificateStatus, CertificateUsage, StorageMedium } from '@app/contracts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './fonts';
import { bothCalendars, colonHex, MEDIUM_LABELS, printTime, STATUS_LABELS, USAGE_LABELS } from './labels';

export interface ProofSheetData {
  readonly bankName: string;
  readonly branchName: string;
  readonly commonName: string;
  readonly subjectDn: string;
  readonly issuerDn: string;
  /** Hex of the serial number as stored (any case, no separators). */
  readonly serialHex: string;
  readonly usage: CertificateUsage;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly status: CertificateStatus;
  readonly medium: StorageMedium;
  /** SHA-256 of the certificate's DER, hex. */
  readonly sha256Fingerprint: string;
  readonly printedAt: Date;
}

function row(label: string, value: string, mono = false): Content[] {
  return [
    { text: label, color: '#444444' },
    mono ? { text: value, fontSize: 9, characterSpacing: 0.2 } : { text: value },
  ];
}

/** A 32-byte fingerprint on two lines of 16 bytes, as certificate viewers print it. */
function halves(colonHexText: string): string {
  const bytes = colonHexText.split(':');
  const half = Math.ceil(bytes.length / 2);
  return `${bytes.slice(0, half).join(':')}\n${bytes.slice(half).join(':')}`;
}

/**
 * 憑證證明單: the details of one certificate as the customer or a teller prints them, with the
 * serial in a QR code so that whoever receives the sheet can look the certificate up.
 */
export function proofSheetDocument(data: ProofSheetData): TDocumentDefinitions {
  const serial = colonHex(data.serialHex);
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    info: { title: '憑證證明單', subject: data.commonName, creator: data.bankName },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10.5, lineHeight: 1.3 },
    content: [
      { text: '憑證證明單', fontSize: 20, bold: true, alignment: 'center' },
      { text: `${data.bankName}\u3000${data.branchName}`, fontSize: 12, alignment: 'center', margin: [0, 2, 0, 16] },
      {
        table: {
          widths: [110, '*'],
          body: [
            row('憑證 Common Name', data.commonName),
            row('憑證用途', USAGE_LABELS[data.usage]),
            row('憑證狀態', STATUS_LABELS[data.status]),
            row('密碼模組', MEDIUM_LABELS[data.medium]),
            row('憑證主旨', data.subjectDn),
            row('憑證發行者', data.issuerDn),
            row('序號', serial, true),
            row('憑證生效日', bothCalendars(data.notBefore)),
            row('憑證到期日', bothCalendars(data.notAfter)),
            row('SHA-256 指紋', halves(colonHex(data.sha256Fingerprint)), true),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `列印日期：${printTime(data.printedAt)}`, fontSize: 9 },
              {
                text: '本證明單記載列印當時的憑證資料；憑證狀態以本行線上查詢（CRL／OCSP）結果為準。',
                fontSize: 8.5,
                color: '#444444',
                margin: [0, 4, 0, 0],
              },
            ],
          },
          { width: 110, stack: [{ qr: data.serialHex.toUpperCase(), fit: 100, alignment: 'right' }] },
        ],
        margin: [0, 20, 0, 0],
        columnGap: 16,
      },
    ],
  };
}
