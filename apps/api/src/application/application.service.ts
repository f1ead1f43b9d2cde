import { ApplicationStatus, CertificateType, DomainError } from '@app/contracts';
import { assertApplicationTransition, buildCommonName, nextCnSequence, toGregorianDate } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Certificate } from '../certificate/certificate.entity';
import { assertInBranch, branchScope } from '../common/branch-scope';
import { sortColumn, type ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { Customer } from '../customer/customer.entity';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import { ApplicationPassword } from './application-password.entity';
import { whereApplication } from './application-criteria';
import { CounterApplication } from './counter-application.entity';
import type { ApplicationFilter, ApplicationNotice, RegisterApplicationInput } from './dto/application.inputs';

const SORTABLE = {
  commonName: 'a.commonName',
  status: 'a.status',
  medium: 'a.medium',
  createdAt: 'a.createdAt',
  statusChangedAt: 'a.statusChangedAt',
};

/** What the audit trail keeps of an application. */
export function applicationSnapshot(a: CounterApplication): Record<string, unknown> {
  return {
    customerId: a.customerId,
    commonName: a.commonName,
    certType: a.certType,
    medium: a.medium,
    email: a.email,
    status: a.status,
  };
}

@Injectable()
export class ApplicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** One page of the caller's applications, newest first unless sorted otherwise. */
  async list(
    ctx: RequestContext,
    args: ListArgs,
    filter: ApplicationFilter = {},
  ): Promise<{ items: CounterApplication[]; total: number }> {
    const qb = this.dataSource.getRepository(CounterApplication).createQueryBuilder('a');
    const scope = branchScope(ctx);
    if (scope) qb.andWhere('a.branchId = :scope', { scope });
    whereApplication(qb, filter);
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'createdAt'), args.sortOrder ?? 'DESC').addOrderBy('a.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<CounterApplication> {
    const application = await this.dataSource.getRepository(CounterApplication).findOneBy({ id });
    if (!application) throw new DomainError('APPLICATION_NOT_FOUND');
    assertInBranch(ctx, application.branchId);
    return application;
  }

  /** The live notice of an application (number, validity, tries): what staff may know of its password. */
  /** The live notices of several applications at once, in the order of `applicationIds` (null where none). */
  async liveNotices(applicationIds: readonly string[]): Promise<Array<ApplicationNotice | null>> {
    const live = await this.dataSource
      .getRepository(ApplicationPassword)
      .findBy({ applicationId: In([...applicationIds]), retiredAt: IsNull() });
    const byApplication = new Map(live.map((p) => [p.applicationId, p]));
    return applicationIds.map((id) => {
      const p = byApplication.get(id);
      if (!p) return null;
      return {
        noticeNumber: p.noticeNumber,
        printedAt: p.createdAt,
        expiresAt: p.expiresAt,
        failedTries: p.failedTries,
        triesLeft: Math.max(0, this.env.APPLICATION_PASSWORD_MAX_TRIES - p.failedTries),
      };
    });
  }

  /**
   * Registers an FXML application for a customer of the teller's branch; the CN is the customer's ID,
   * the next free sequence of the day and the Taipei date. The customer row is locked while the
   * sequence is chosen, so two tellers serving the same customer cannot pick the same one.
   */
  async register(ctx: RequestContext, input: RegisterApplicationInput): Promise<CounterApplication> {
    if (input.certType !== CertificateType.FXML) {
      throw DomainError.invalidInput([{ field: 'certType', code: 'FIELD_INVALID' }]);
    }
    try {
      return await this.dataSource.transaction(async (m) => {
        const customer = await m
          .getRepository(Customer)
          .findOne({ where: { id: input.customerId }, lock: lockFor(this.dataSource) });
        if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND');
        assertInBranch(ctx, customer.homeBranchId);
        const now = new Date();
        const sequence = nextCnSequence(await this.usedSequences(m, customer.idNumber, now));
        const application = m.create(CounterApplication, {
          id: randomUUID(),
          customerId: customer.id,
          certType: CertificateType.FXML,
          medium: input.medium,
          email: input.email,
          commonName: buildCommonName({ idNumber: customer.idNumber, sequence, issuedAt: now }),
          cnSequence: sequence,
          tellerId: ctx.staff!.id,
          branchId: customer.homeBranchId,
          status: ApplicationStatus.REGISTERED,
          statusChangedAt: now,
        });
        await m.save(application);
        await this.audit.record(m, ctx, {
          action: 'APPLICATION_REGISTERED',
          targetType: 'CounterApplication',
          targetId: application.id,
          after: applicationSnapshot(application),
        });
        return application;
      });
    } catch (error) {
      // Only a CN taken by a concurrent registration outside this customer's lock can get here.
      if (isUniqueViolation(error)) throw new DomainError('STALE_UPDATE');
      throw error;
    }
  }

  /** Cancels an application not yet applied; its password dies with it. */
  async cancel(ctx: RequestContext, id: string, version: number): Promise<CounterApplication> {
    return this.dataSource.transaction(async (m) => {
      const application = await this.locked(m, id);
      assertInBranch(ctx, application.branchId);
      if (application.version !== version) throw new DomainError('STALE_UPDATE');
      const before = applicationSnapshot(application);
      assertApplicationTransition(application.status, ApplicationStatus.CANCELLED);
      const now = new Date();
      application.status = ApplicationStatus.CANCELLED;
      application.statusChangedAt = now;
      await m.save(application);
      await m.update(ApplicationPassword, { applicationId: id, retiredAt: IsNull() }, { retiredAt: now });
      await this.audit.record(m, ctx, {
        action: 'APPLICATION_CANCELLED',
        targetType: 'CounterApplication',
        targetId: id,
        before,
        after: applicationSnapshot(application),
      });
      return application;
    });
  }

  /** The application row, locked for the rest of the caller's transaction. */
  async locked(m: EntityManager, id: string): Promise<CounterApplication> {
    const application = await m
      .getRepository(CounterApplication)
      .findOne({ where: { id }, lock: lockFor(this.dataSource) });
    if (!application) throw new DomainError('APPLICATION_NOT_FOUND');
    return application;
  }

  /** Sequences already in CNs of this ID and Taipei day, in applications and in certificates. */
  private async usedSequences(m: EntityManager, idNumber: string, day: Date): Promise<number[]> {
    const pattern = `${idNumber}-__-${toGregorianDate(day).replace(/-/g, '').slice(2)}`;
    const names = [
      ...(await m
        .getRepository(CounterApplication)
        .createQueryBuilder('a')
        .select('a.commonName', 'cn')
        .where('a.commonName LIKE :pattern', { pattern })
        .getRawMany<{ cn: string }>()),
      ...(await m
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select('c.commonName', 'cn')
        .where('c.commonName LIKE :pattern', { pattern })
        .getRawMany<{ cn: string }>()),
    ];
    return names.map(({ cn }) => Number(cn.split('-')[1]));
  }
}
