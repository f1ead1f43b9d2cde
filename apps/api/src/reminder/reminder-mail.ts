import { toRocDate } from '@app/domain';

export interface ReminderFacts {
  readonly customerName: string;
  readonly commonName: string;
  readonly serialHex: string;
  readonly usage: string;
  readonly notAfter: Date;
  readonly daysLeft: number;
}

const USAGE: Record<string, string> = { SIGNING: '簽章用', ENCRYPTION: '加密用' };

/** `115/12/24` → `民國115年12月24日` (Taipei day). */
export function rocLongDate(d: Date): string {
  const [y, m, day] = toRocDate(d).split('/');
  return `民國${y}年${Number(m)}月${Number(day)}日`;
}

/** The expiry reminder in zh-TW: what expires, when, and what the customer should do about it. */
export function reminderMail(f: ReminderFacts): { subject: string; text: string } {
  const date = rocLongDate(f.notAfter);
  const subject = `【憑證到期通知】您的 FXML 憑證將於${date}到期`;
  const text = [
    `${f.customerName} 您好：`,
    '',
    `您在本行申請的 FXML 憑證將於 ${f.daysLeft} 天後到期，資訊如下：`,
    '',
    `  憑證名稱（CN）：${f.commonName}`,
    `  憑證用途：${USAGE[f.usage] ?? f.usage}`,
    `  憑證序號：${f.serialHex.toUpperCase()}`,
    `  到期日：${date}`,
    '',
    '憑證到期後即無法再用於交易。請在到期前一個月內辦理憑證更新以取得新憑證；',
    '辦理時，即將到期的憑證須仍在您的電腦或載具中，以便驗證。',
    '若您已完成更新，請忽略本通知。',
    '',
    '本郵件由系統自動寄送，請勿直接回覆；如有疑問，請洽您的往來分行。',
  ].join('\n');
  return { subject, text };
}
