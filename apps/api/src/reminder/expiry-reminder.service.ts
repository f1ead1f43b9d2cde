import { CertificateStatus } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { systemContext } from '../ca/issuance.service';
import { Certificate } from '../certificate/certificate.entity';
import { ENV, type Env } from '../config/env';
import { isUniqueViolation } from '../database/unique-violation';
import { MailTransport } from '../mail/mail-transport';
import { ExpiryReminder } from './expiry-reminder.entity';
import { reminderMail } from './reminder-mail';

const DAY_MS = 86_400_000;
const BATCH = 200;

interface Candidate {
  id: string;
  serialHex: string;
  commonName: string;
  usage: string;
  notAfter: Date;
  branchId: string;
  branchCode: string;
  customerName: string;
  applicationEmail: string | null;
  customerEmail: string | null;
}

export interface ReminderRun {
  readonly sent: number;
  /** Already reminded by another run or instance, or no address to write to. */
  readonly skipped: number;
  /** Could not be sent (e.g. SMTP down): nothing was recorded, the next run tries again. */
  readonly failed: number;
}

/** Thresholds from REMINDER_THRESHOLDS_DAYS, smallest first, without duplicates. */
export function reminderThresholds(setting: string): number[] {
  return [...new Set(setting.split(',').map(Number))].filter((d) => d > 0).sort((a, b) => a - b);
}

/**
 * Mails each customer whose certificate expires within a threshold, once per certificate and
 * threshold. The row in expiry_reminders is inserted in the same transaction as the mail is sent
 * (or put in the outbox): its unique key lets exactly one run win, however many run at once.
 */
@Injectable()
export class ExpiryReminderService {
  private readonly logger = new Logger('ExpiryReminders');
  private readonly thresholds: number[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly audit: AuditService,
    @Inject(ENV) env: Env,
  ) {
    this.thresholds = reminderThresholds(env.REMINDER_THRESHOLDS_DAYS);
  }

  async runOnce(now = new Date()): Promise<ReminderRun> {
    let sent = 0;
    let skipped = 0;
    let failed = 0;
    let after: { notAfter: Date; id: string } | null = null;
    for (;;) {
      const batch = await this.candidates(now, after);
      const done = await this.remindedThresholds(batch.map((c) => c.id));
      for (const c of batch) {
        const threshold = this.thresholdFor(c.notAfter, now);
        if (threshold === null || done.has(`${c.id}:${threshold}`)) continue;
        try {
          if (await this.remind(c, threshold, now)) sent += 1;
          else skipped += 1;
        } catch (error) {
          failed += 1;
          this.logger.error(`reminder for certificate ${c.serialHex} not sent: ${String(error)}`);
        }
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1];
    }
    if (sent + skipped + failed > 0) {
      this.logger.log(`expiry reminders: ${sent} sent, ${skipped} skipped, ${failed} failed`);
    }
    return { sent, skipped, failed };
  }

  /** The tightest threshold the certificate has crossed: 5 days left with thresholds 7 and 30 → 7. */
  private thresholdFor(notAfter: Date, now: Date): number | null {
    const daysLeft = (notAfter.getTime() - now.getTime()) / DAY_MS;
    return this.thresholds.find((t) => daysLeft <= t) ?? null;
  }

  private candidates(now: Date, after: { notAfter: Date; id: string } | null): Promise<Candidate[]> {
    const horizon = new Date(now.getTime() + Math.max(...this.thresholds, 0) * DAY_MS);
    const qb = this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .innerJoin('c.customer', 'cu')
      .innerJoin('c.branch', 'b')
      .leftJoin('c.application', 'a')
      .select('c.id', 'id')
      .addSelect('c.serialHex', 'serialHex')
      .addSelect('c.commonName', 'commonName')
      .addSelect('c.usage', 'usage')
      .addSelect('c.notAfter', 'notAfter')
      .addSelect('c.branchId', 'branchId')
      .addSelect('b.code', 'branchCode')
      .addSelect('cu.name', 'customerName')
      .addSelect('a.email', 'applicationEmail')
      .addSelect('cu.email', 'customerEmail')
      .where('c.status IN (:...live)', { live: [CertificateStatus.ISSUED, CertificateStatus.ACTIVE] })
      .andWhere('c.notAfter > :now AND c.notAfter <= :horizon', { now, horizon });
    if (after) {
      qb.andWhere('(c.notAfter > :afterAt OR (c.notAfter = :afterAt AND c.id > :afterId))', {
        afterAt: after.notAfter,
        afterId: after.id,
      });
    }
    return qb
      .orderBy('c.notAfter', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(BATCH)
      .getRawMany<Candidate>()
      .then((rows) => rows.map((r) => ({ ...r, notAfter: new Date(r.notAfter) })));
  }

  private async remindedThresholds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.dataSource
      .getRepository(ExpiryReminder)
      .find({ select: { certificateId: true, thresholdDays: true }, where: { certificateId: In(ids) } });
    return new Set(rows.map((r) => `${r.certificateId}:${r.thresholdDays}`));
  }

  /** True when this run sent the mail; false when another run had, or there is nowhere to send it. */
  private async remind(c: Candidate, thresholdDays: number, now: Date): Promise<boolean> {
    // The address given at application (or renewal) is the one the customer asked reminders to go to.
    const to = c.applicationEmail ?? c.customerEmail;
    if (!to) {
      this.logger.warn(`certificate ${c.serialHex} expires soon but has no e-mail address`);
      return false;
    }
    const daysLeft = Math.max(1, Math.ceil((c.notAfter.getTime() - now.getTime()) / DAY_MS));
    const { subject, text } = reminderMail({ ...c, daysLeft });
    try {
      await this.dataSource.transaction(async (m) => {
        await m.insert(ExpiryReminder, { certificateId: c.id, thresholdDays, recipient: to });
        await this.mail.send(m, { to, subject, text, purpose: 'EXPIRY_REMINDER', branchId: c.branchId });
        await this.audit.record(m, systemContext(), {
          action: 'EXPIRY_REMINDER_SENT',
          targetType: 'Certificate',
          targetId: c.id,
          branchCode: c.branchCode,
          after: { thresholdDays, recipient: to, notAfter: c.notAfter },
        });
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
