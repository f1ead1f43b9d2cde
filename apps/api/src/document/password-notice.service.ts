import { ApplicationStatus, DomainError } from '@app/contracts';
import { assertApplicationTransition, maskIdNumber } from '@app/domain';
import { passwordNoticeDocument, renderPdf } from '@app/pdf';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApplicationPasswordService } from '../application/application-password.service';
import { applicationSnapshot, ApplicationService } from '../application/application.service';
import { ApplicationPassword } from '../application/application-password.entity';
import { AuditService } from '../audit/audit.service';
import { Branch } from '../branch/branch.entity';
import { assertInBranch } from '../common/branch-scope';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { Customer } from '../customer/customer.entity';

export interface PrintNoticeOptions {
  /** Kill a live password and print a new one (a lost or undelivered notice). */
  readonly reissue: boolean;
  /** The application version the teller saw; a newer one means someone else acted first. */
  readonly version?: number;
}

export interface PrintedNotice {
  readonly pdf: Buffer;
  readonly noticeNumber: string;
}

/**
 * Prints 憑證密碼通知書. In one transaction: a new password is stored as a hash only (any earlier one
 * retired), the application moves to NOTICE_PRINTED, the print is audited, and the PDF is rendered;
 * the caller streams it after the commit. The password exists in plain text only in this PDF.
 */
@Injectable()
export class PasswordNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationService,
    private readonly passwords: ApplicationPasswordService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async print(ctx: RequestContext, applicationId: string, options: PrintNoticeOptions): Promise<PrintedNotice> {
    // Hashing is slow: do it before any row is locked.
    const prepared = await this.passwords.prepare();
    return this.dataSource.transaction(async (m) => {
      const application = await this.applications.locked(m, applicationId);
      assertInBranch(ctx, application.branchId);
      if (options.version !== undefined && application.version !== options.version) {
        throw new DomainError('STALE_UPDATE');
      }
      const now = new Date();
      const live = await m.getRepository(ApplicationPassword).findOneBy({ applicationId, retiredAt: IsNull() });
      const liveValid = !!live && !live.usedAt && live.expiresAt.getTime() > now.getTime();
      if (application.status === ApplicationStatus.NOTICE_PRINTED && liveValid && !options.reissue) {
        throw new DomainError('APPLICATION_NOTICE_ALREADY_PRINTED');
      }
      assertApplicationTransition(application.status, ApplicationStatus.NOTICE_PRINTED);
      const before = { ...applicationSnapshot(application), noticeNumber: live?.noticeNumber ?? null };
      const { password, record } = await this.passwords.store(m, applicationId, prepared, now);
      application.status = ApplicationStatus.NOTICE_PRINTED;
      application.statusChangedAt = now;
      await m.save(application);
      await this.audit.record(m, ctx, {
        action: live ? 'APPLICATION_NOTICE_REISSUED' : 'APPLICATION_NOTICE_PRINTED',
        targetType: 'CounterApplication',
        targetId: applicationId,
        before,
        after: { ...applicationSnapshot(application), noticeNumber: record.noticeNumber, expiresAt: record.expiresAt },
      });
      const customer = await m.getRepository(Customer).findOneByOrFail({ id: application.customerId });
      const branch = await m.getRepository(Branch).findOneByOrFail({ id: application.branchId });
      // Rendered before the commit: if the PDF cannot be made, no password is left that nobody has.
      const pdf = await renderPdf(
        passwordNoticeDocument({
          bankName: this.env.BANK_NAME,
          branchCode: branch.code,
          branchName: branch.name,
          customerName: customer.name,
          maskedIdNumber: maskIdNumber(customer.idNumber),
          commonName: application.commonName,
          certType: application.certType,
          medium: application.medium,
          password,
          validUntil: record.expiresAt,
          maxTries: this.env.APPLICATION_PASSWORD_MAX_TRIES,
          tellerCode: ctx.staff!.username,
          printedAt: now,
          noticeNumber: record.noticeNumber,
        }),
      );
      return { pdf, noticeNumber: record.noticeNumber };
    });
  }
}
