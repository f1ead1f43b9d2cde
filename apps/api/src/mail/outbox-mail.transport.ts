import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MailOutboxMessage } from './mail-outbox.entity';
import { MailTransport, type MailMessage } from './mail-transport';

/** Keeps mail in the mail_outbox table instead of sending it (the demo, and machines without SMTP). */
export class OutboxMailTransport extends MailTransport {
  async send(manager: EntityManager, message: MailMessage): Promise<void> {
    await manager.insert(MailOutboxMessage, {
      id: randomUUID(),
      recipient: message.to,
      subject: message.subject,
      body: message.text,
      purpose: message.purpose,
      branchId: message.branchId,
    });
  }
}
