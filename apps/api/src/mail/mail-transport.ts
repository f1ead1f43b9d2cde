import type { EntityManager } from 'typeorm';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** What the mail is about, e.g. EXPIRY_REMINDER. */
  readonly purpose: string;
  /** The customer's branch, for who may see the outbox. */
  readonly branchId: string | null;
}

/**
 * Delivers mail: through SMTP, or into the local outbox table. Sending takes the caller's transaction
 * manager so that the outbox row commits (or not) with the record of what was sent.
 */
export abstract class MailTransport {
  abstract send(manager: EntityManager, message: MailMessage): Promise<void>;
}
