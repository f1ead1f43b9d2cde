import { createTransport, type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { MailTransport, type MailMessage } from './mail-transport';

/** Sends through the SMTP server of SMTP_URL, from MAIL_FROM. */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport(smtpUrl);
  }

  async send(_manager: EntityManager, message: MailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  close(): void {
    this.transporter.close();
  }
}
