import { ActorType, ApprovalStatus, CertificateStatus, DomainError, type RevocationReason } from '@app/contracts';
import { ActorChannel } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnsuspendRequest } from '../approval/unsuspend-request.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { CertificateStatusService } from '../ca/certificate-status.service';
import { CrlPublisher } from '../ca/crl.publisher';
import { assertInBranch, branchScope } from '../common/branch-scope';
import { sortColumn, type ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { lockFor } from '../database/row-lock';
import { StaffUser } from '../staff/staff-user.entity';
import { whereCertificate } from './certificate-criteria';
import { Certificate } from './certificate.entity';
import type { CertificateEvent } from './dto/certificate-event';
import type { CertificateFilter } from './dto/certificate.inputs';

const SORTABLE = {
  notAfter: 'c.notAfter',
  notBefore: 'c.notBefore',
  commonName: 'c.commonName',
  status: 'c.status',
  statusChangedAt: 'c.statusChangedAt',
  createdAt: 'c.createdAt',
};

function channelOf(event: AuditEvent): string {
  const given = event.after?.channel;
  if (typeof given === 'string') return given;
  if (event.actorType === ActorType.STAFF) return ActorChannel.COUNTER;
  return event.actorType === ActorType.CUSTOMER ? ActorChannel.KIOSK : ActorChannel.SYSTEM;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Certificates at the counter: search within the branch, details and history, hold and revoke. */
@Injectable()
export class CertificateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly status: CertificateStatusService,
    private readonly crl: CrlPublisher,
    private readonly audit: AuditService,
  ) {}

  /** One page of the branch's certificates, filtered and sorted in SQL. */
  async list(
    ctx: RequestContext,
    args: ListArgs,
    filter: CertificateFilter = {},
  ): Promise<{ items: Certificate[]; total: number }> {
    const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c');
    const scope = branchScope(ctx);
    if (scope) qb.andWhere('c.branchId = :scope', { scope });
    whereCertificate(qb, filter);
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'createdAt'), args.sortOrder ?? 'DESC').addOrderBy('c.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<Certificate> {
    const certificate = await this.dataSource.getRepository(Certificate).findOneBy({ id });
    if (!certificate) throw new DomainError('CERTIFICATE_NOT_FOUND');
    assertInBranch(ctx, certificate.branchId);
    return certificate;
  }

  /** The certificate's audit events, oldest first, with the member of staff who acted. */
  async history(certificateId: string): Promise<CertificateEvent[]> {
    const rows = await this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .leftJoinAndMapOne('e.staff', StaffUser, 's', "s.id = e.actorId AND e.actorType = 'STAFF'")
      .where("e.targetType = 'Certificate' AND e.targetId = :id", { id: certificateId })
      .orderBy('e.occurredAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    return rows.map((e) => {
      const staff = (e as AuditEvent & { staff?: StaffUser }).staff;
      return {
        id: e.id,
        occurredAt: e.occurredAt,
        action: e.action,
        actorType: e.actorType,
        actor: staff?.username ?? e.actorId,
        actorName: staff?.displayName ?? null,
        actorRole: e.actorRole,
        branchCode: e.branchCode,
        channel: channelOf(e),
        fromStatus: text(e.before?.status),
        toStatus: text(e.after?.status),
        reason: text(e.after?.reason),
        documentType: text(e.after?.documentType),
      };
    });
  }

  /** The unsuspend request waiting for a supervisor, if any. */
  pendingUnsuspend(certificateId: string): Promise<UnsuspendRequest | null> {
    return this.dataSource.getRepository(UnsuspendRequest).findOneBy({ pendingCertificateId: certificateId });
  }

  /** 憑證暫禁 at the counter, on the customer's request. */
  async suspend(ctx: RequestContext, id: string, version: number): Promise<Certificate> {
    const updated = await this.dataSource.transaction(async (m) => {
      await this.lockedForChange(m, ctx, id, version);
      return this.status.changeWithin(m, ctx, id, CertificateStatus.SUSPENDED, ActorChannel.COUNTER);
    });
    await this.crl.publish();
    return updated;
  }

  /** 憑證廢止 at the counter: final. A waiting unsuspend request dies with the certificate. */
  async revoke(ctx: RequestContext, id: string, reason: RevocationReason, version: number): Promise<Certificate> {
    const updated = await this.dataSource.transaction(async (m) => {
      await this.lockedForChange(m, ctx, id, version);
      const revoked = await this.status.changeWithin(
        m,
        ctx,
        id,
        CertificateStatus.REVOKED,
        ActorChannel.COUNTER,
        reason,
      );
      const waiting = await m.findOneBy(UnsuspendRequest, { pendingCertificateId: id });
      if (waiting) {
        Object.assign(waiting, {
          status: ApprovalStatus.CANCELLED,
          pendingCertificateId: null,
          decidedById: ctx.staff!.id,
          decidedAt: new Date(),
          decisionReason: 'CERTIFICATE_REVOKED',
        });
        await m.save(waiting);
        await this.audit.record(m, ctx, {
          action: 'UNSUSPEND_CANCELLED',
          targetType: 'Certificate',
          targetId: id,
          after: { requestId: waiting.id, decision: ApprovalStatus.CANCELLED, cause: 'CERTIFICATE_REVOKED' },
        });
      }
      return revoked;
    });
    await this.crl.publish();
    return updated;
  }

  private async lockedForChange(m: EntityManager, ctx: RequestContext, id: string, version: number): Promise<void> {
    const c = await m.getRepository(Certificate).findOne({ where: { id }, lock: lockFor(this.dataSource) });
    if (!c) throw new DomainError('CERTIFICATE_NOT_FOUND');
    assertInBranch(ctx, c.branchId);
    if (c.version !== version) throw new DomainError('STALE_UPDATE');
  }
}
