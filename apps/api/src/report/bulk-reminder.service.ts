import { CertificateStatus, DomainError, errorMessage, isErrorCode } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Branch } from '../branch/branch.entity';
import { Certificate } from '../certificate/certificate.entity';
import { assertInBranch } from '../common/branch-scope';
import type { RequestContext } from '../common/request-context';
import { CounterApplication } from '../application/counter-application.entity';
import { Customer } from '../customer/customer.entity';
import { MailTransport } from '../mail/mail-transport';
import { reminderMail } from '../reminder/reminder-mail';
import type { BulkRefusal, BulkResult } from './dto/bulk-remind';
import { DAY_MS } from './taipei-day';

const LIVE: CertificateStatus[] = [CertificateStatus.ISSUED, CertificateStatus.ACTIVE];

/**
 * 到期通知 sent now, for certificates a supervisor selected. Each row is its own transaction (mail or
 * outbox row plus its audit event), so one refused or failing row neither blocks nor undoes the others.
 * It does not touch expiry_reminders: the scheduled reminder at each threshold still goes out.
 */
@Injectable()
export class BulkReminderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly audit: AuditService,
  ) {}

  async remind(ctx: RequestContext, certificateIds: readonly string[], now = new Date()): Promise<BulkResult> {
    const ids = [...new Set(certificateIds)];
    const found = await this.dataSource.getRepository(Certificate).findBy({ id: In(ids) });
    const byId = new Map(found.map((c) => [c.id, c]));
    const done: string[] = [];
    const refused: BulkRefusal[] = [];
    for (const id of ids) {
      try {
        await this.remindOne(ctx, byId.get(id), now);
        done.push(id);
      } catch (error) {
        // Only our own refusals are reported per row; anything else is a fault and stops the run.
        if (!(error instanceof DomainError) || !isErrorCode(error.code)) throw error;
        refused.push({ id, code: error.code, message: errorMessage(error.code, ctx.locale, error.details) });
      }
    }
    return { done, refused };
  }

  private async remindOne(ctx: RequestContext, found: Certificate | undefined, now: Date): Promise<void> {
    if (!found) throw new DomainError('CERTIFICATE_NOT_FOUND');
    assertInBranch(ctx, found.branchId);
    if (!LIVE.includes(found.status) || !found.notAfter) throw new DomainError('REMINDER_CERTIFICATE_NOT_LIVE');
    const c = { ...found, notAfter: found.notAfter };
    const customer = await this.dataSource.getRepository(Customer).findOneByOrFail({ id: c.customerId });
    const application = c.applicationId
      ? await this.dataSource.getRepository(CounterApplication).findOneBy({ id: c.applicationId })
      : null;
    // As the scheduled reminder does: the address given at application wins over the customer record.
    const to = application?.email ?? customer.email;
    if (!to) throw new DomainError('REMINDER_NO_ADDRESS');
    const branch = await this.dataSource.getRepository(Branch).findOneByOrFail({ id: c.branchId });
    const daysLeft = Math.max(1, Math.ceil((c.notAfter.getTime() - now.getTime()) / DAY_MS));
    const { subject, text } = reminderMail({ ...c, customerName: customer.name, daysLeft });
    await this.dataSource.transaction(async (m) => {
      await this.mail.send(m, { to, subject, text, purpose: 'EXPIRY_REMINDER', branchId: c.branchId });
      await this.audit.record(m, ctx, {
        action: 'EXPIRY_REMINDER_SENT',
        targetType: 'Certificate',
        targetId: c.id,
        branchCode: branch.code,
        after: { manual: true, recipient: to, notAfter: c.notAfter },
      });
    });
  }
}
