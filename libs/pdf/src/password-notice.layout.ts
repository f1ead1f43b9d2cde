import type { StorageMedium } from '@app/contracts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './fonts';
import { bothCalendars, MEDIUM_LABELS, printTime } from './labels';

export interface PasswordNoticeData {
  readonly bankName: string;
  readonly branchCode: string;
  readonly branchName: string;
  readonly customerName: string;
  /** Already masked (`U1****4691`): the full ID never reaches the printout. */
  readonly maskedIdNumber: string;
  readonly commonName: string;
  readonly certType: string;
  readonly medium: StorageMedium;
  /** The one-time application password, in the form the customer types it. */
  readonly password: string;
  readonly validUntil: Date;
  readonly maxTries: number;
  readonly tellerCode: string;
  readonly printedAt: Date;
  readonly noticeNumber: string;
}

/** `K7QM 3XTP 9HCA`: groups of four are easier to copy without losing one's place. */
export function groupPassword(password: string): string {
  return password.replace(/(.{4})(?!$)/g, '$1 ');
}

const A4_WIDTH = 595.28;
const MARGIN = 48;

function row(label: string, value: string, bold = false): Content[] {
  return [
    { text: label, style: 'label' },
    { text: value, bold },
  ];
}

function kioskSteps(medium: StorageMedium): Content {
  const token = medium === 'PC' ? '' : `，並插上 ${MEDIUM_LABELS[medium]}`;
  return {
    ol: [
      `請攜帶本通知書至本行自助服務機台${token}，點選【憑證申請】。`,
      '在申請清單中選擇上列的憑證 Common Name，確認電子郵件與密碼模組。',
      `撕開密封聯，輸入【憑證申請密碼】${medium === 'PC' ? '' : '及載具密碼'}，閱讀並同意約定條款後送出。`,
      '憑證核發後點選【憑證下載】完成安裝；之後可於機台列印憑證證明單。',
    ],
    margin: [0, 4, 0, 0],
  };
}

/**
 * 憑證密碼通知書: an A4 sheet in two parts. The upper part tells the customer what was applied for
 * and how to finish at the kiosk; below a tear-off line, the sealed part carries the one-time
 * application password. The QR code carries the notice number only, never the password.
 */
export function passwordNoticeDocument(data: PasswordNoticeData): TDocumentDefinitions {
  const validUntil = bothCalendars(data.validUntil);
  const tearLine: Content = {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: A4_WIDTH - 2 * MARGIN, y2: 0, dash: { length: 6 }, lineWidth: 1 }],
    margin: [0, 18, 0, 2],
  };
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, 40, MARGIN, 40],
    info: { title: '憑證密碼通知書', subject: data.noticeNumber, creator: data.bankName },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 20, bold: true, alignment: 'center' },
      bank: { fontSize: 12, alignment: 'center', margin: [0, 2, 0, 12] },
      label: { color: '#444444' },
      heading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 0] },
      small: { fontSize: 8.5, color: '#444444' },
    },
    content: [
      { text: '憑證密碼通知書', style: 'title' },
      { text: `${data.bankName}\u3000${data.branchName}（分行代號 ${data.branchCode}）`, style: 'bank' },
      {
        columns: [
          {
            width: '*',
            table: {
              widths: [110, '*'],
              body: [
                row('客戶姓名', data.customerName),
                row('證號', data.maskedIdNumber),
                row('憑證 Common Name', data.commonName, true),
                row('憑證種類', data.certType),
                row('密碼模組', MEDIUM_LABELS[data.medium]),
                row('密碼有效期限', `${validUntil} 止`, true),
                row('通知書編號', data.noticeNumber),
              ],
            },
            layout: 'lightHorizontalLines',
          },
          {
            width: 110,
            stack: [
              { qr: data.noticeNumber, fit: 100, alignment: 'right' },
              { text: data.noticeNumber, style: 'small', alignment: 'right', margin: [0, 4, 0, 0] },
            ],
          },
        ],
        columnGap: 16,
      },
      { text: '完成憑證申請的步驟', style: 'heading' },
      kioskSteps(data.medium),
      { text: '注意事項', style: 'heading' },
      {
        ul: [
          '憑證申請密碼只能使用一次，逾有效期限即失效；請於期限內完成申請。',
          `密碼連續輸入錯誤 ${data.maxTries} 次，本申請即被鎖定，須攜帶身分證件至分行重新申請密碼。`,
          '本行人員不會以任何方式向您詢問此密碼；請勿將密碼告知他人。',
          '重新列印通知書會產生新的密碼，原密碼隨即失效。',
        ],
        margin: [0, 4, 0, 0],
      },
      {
        columns: [
          { text: `櫃員代號：${data.tellerCode}`, style: 'small' },
          { text: `列印時間：${printTime(data.printedAt)}`, style: 'small', alignment: 'right' },
        ],
        margin: [0, 12, 0, 0],
      },
      tearLine,
      { text: '- - - 沿虛線撕開，以下為密封聯，請客戶本人拆閱 - - -', style: 'small', alignment: 'center' },
      {
        margin: [0, 18, 0, 0],
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: '密封聯\u3000憑證申請密碼', bold: true, fontSize: 12, alignment: 'center' },
                  {
                    text: groupPassword(data.password),
                    fontSize: 30,
                    bold: true,
                    characterSpacing: 3,
                    alignment: 'center',
                    margin: [0, 14, 0, 6],
                  },
                  {
                    text: '密碼只含數字 2–9 與大寫英文字母（不含 I、L、O），不分大小寫；空格不必輸入。',
                    style: 'small',
                    alignment: 'center',
                  },
                  {
                    text: `Common Name：${data.commonName}\u3000有效期限：${validUntil} 止`,
                    style: 'small',
                    alignment: 'center',
                    margin: [0, 8, 0, 0],
                  },
                  { text: `通知書編號：${data.noticeNumber}`, style: 'small', alignment: 'center' },
                ],
                margin: [12, 16, 12, 16],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5 },
      },
    ],
  };
}
