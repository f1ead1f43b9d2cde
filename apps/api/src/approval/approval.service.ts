import { ApprovalStatus, CertificateStatus, DomainError } from '@app/contracts';
import { ActorChannel } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CertificateStatusService } from '../ca/certificate-status.service';
import { CrlPublisher } from '../ca/crl.publisher';
import { Certificate } from '../certificate/certificate.entity';
import { assertInBranch, branchScope } from '../common/branch-scope';
import { sortColumn, type ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import type { ApprovalFilter, RequestUnsuspendInput } from './dto/approval.inputs';
import { UnsuspendRequest } from './unsuspend-request.entity';

const SORTABLE = { requestedAt: 'r.requestedAt', decidedAt: 'r.decidedAt' };

/**
 * 憑證解禁 with four eyes: a teller records the identity check, a supervisor of the certificate's
 * branch who is not the requester approves (the unsuspend commits with the approval) or rejects.
 * Every step lands in the certificate's audit history.
 */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly status: CertificateStatusService,
    private readonly crl: CrlPublisher,
    @Inject(ENV) private readonly env: Env,
  ) {}

  get requiresApproval(): boolean {
    return this.env.UNSUSPEND_REQUIRES_APPROVAL === 'true';
  }

  /** The branch's requests, oldest first: the queue is worked from the top. */
  async list(
    ctx: RequestContext,
    args: ListArgs,
    filter: ApprovalFilter = {},
  ): Promise<{ items: UnsuspendRequest[]; total: number }> {
    const qb = this.dataSource.getRepository(UnsuspendRequest).createQueryBuilder('r');
    const scope = branchScope(ctx);
    if (scope) qb.andWhere('r.branchId = :scope', { scope });
    if (filter.branchId) qb.andWhere('r.branchId = :branch', { branch: filter.branchId });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.certificateId) qb.andWhere('r.certificateId = :certificate', { certificate: filter.certificateId });
    if (filter.ids) qb.andWhere(filter.ids.length ? 'r.id IN (:...ids)' : '1 = 0', { ids: filter.ids });
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'requestedAt'), args.sortOrder ?? 'ASC').addOrderBy('r.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<UnsuspendRequest> {
    const request = await this.dataSource.getRepository(UnsuspendRequest).findOneBy({ id });
    if (!request) throw new DomainError('APPROVAL_NOT_FOUND');
    assertInBranch(ctx, request.branchId);
    return request;
  }

  /**
   * The teller's request after checking the customer's identity in person. With four eyes on it
   * waits (one waiting request per certificate); off, the unsuspend happens at once.
   */
  async request(ctx: RequestContext, input: RequestUnsuspendInput): Promise<UnsuspendRequest> {
    if (!input.seenInPerson) throw new DomainError('UNSUSPEND_NOT_IN_PERSON');
    const waits = this.requiresApproval;
    try {
      const created = await this.dataSource.transaction(async (m) => {
        const c = await m.getRepository(Certificate).findOne({
          where: { id: input.certificateId },
          lock: lockFor(this.dataSource),
        });
        if (!c) throw new DomainError('CERTIFICATE_NOT_FOUND');
        assertInBranch(ctx, c.branchId);
        if (c.status !== CertificateStatus.SUSPENDED) throw new DomainError('CERTIFICATE_NOT_SUSPENDED');
        if (await m.existsBy(UnsuspendRequest, { pendingCertificateId: c.id })) {
          throw new DomainError('UNSUSPEND_ALREADY_PENDING');
        }
        const now = new Date();
        const request = m.create(UnsuspendRequest, {
          id: randomUUID(),
          certificateId: c.id,
          branchId: c.branchId,
          status: waits ? ApprovalStatus.PENDING : ApprovalStatus.APPROVED,
          pendingCertificateId: waits ? c.id : null,
          documentType: input.documentType,
          seenInPerson: true,
          note: input.note ?? null,
          requestedById: ctx.staff!.id,
          requestedAt: now,
          decidedById: null,
          decidedAt: waits ? null : now,
          decisionReason: null,
        });
        await m.save(request);
        await this.audit.record(m, ctx, {
          action: 'UNSUSPEND_REQUESTED',
          targetType: 'Certificate',
          targetId: c.id,
          after: {
            requestId: request.id,
            documentType: request.documentType,
            seenInPerson: true,
            note: request.note,
            approvalRequired: waits,
          },
        });
        if (!waits) await this.status.changeWithin(m, ctx, c.id, CertificateStatus.ACTIVE, ActorChannel.COUNTER);
        return request;
      });
      if (!waits) await this.crl.publish();
      return created;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('UNSUSPEND_ALREADY_PENDING');
      throw error;
    }
  }

  /** The second pair of eyes: the unsuspend and the approval commit together, then the CRL follows. */
  async approve(ctx: RequestContext, id: string): Promise<UnsuspendRequest> {
    const approved = await this.dataSource.transaction(async (m) => {
      const request = await this.lockedPending(m, ctx, id);
      await this.status.changeWithin(m, ctx, request.certificateId, CertificateStatus.ACTIVE, ActorChannel.COUNTER);
      return this.decide(m, ctx, request, ApprovalStatus.APPROVED, null);
    });
    await this.crl.publish();
    return approved;
  }

  /** Refuses the request with a reason; the certificate stays on hold. */
  rejectRequest(ctx: RequestContext, id: string, reason: string): Promise<UnsuspendRequest> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.lockedPending(m, ctx, id);
      return this.decide(m, ctx, request, ApprovalStatus.REJECTED, reason);
    });
  }

  private async lockedPending(m: EntityManager, ctx: RequestContext, id: string): Promise<UnsuspendRequest> {
    const request = await m.getRepository(UnsuspendRequest).findOne({ where: { id }, lock: lockFor(this.dataSource) });
    if (!request) throw new DomainError('APPROVAL_NOT_FOUND');
    assertInBranch(ctx, request.branchId);
    if (request.requestedById === ctx.staff!.id) throw new DomainError('APPROVAL_OWN_REQUEST');
    if (request.status !== ApprovalStatus.PENDING) {
      throw new DomainError('APPROVAL_ALREADY_DECIDED', { status: request.status });
    }
    return request;
  }

  private async decide(
    m: EntityManager,
    ctx: RequestContext,
    request: UnsuspendRequest,
    to: ApprovalStatus,
    reason: string | null,
  ): Promise<UnsuspendRequest> {
    request.status = to;
    request.pendingCertificateId = null;
    request.decidedById = ctx.staff!.id;
    request.decidedAt = new Date();
    request.decisionReason = reason;
    await m.save(request);
    await this.audit.record(m, ctx, {
      action: `UNSUSPEND_${to}`,
      targetType: 'Certificate',
      targetId: request.certificateId,
      after: { requestId: request.id, decision: to, reason, requestedBy: request.requestedById },
    });
    return request;
  }
}
