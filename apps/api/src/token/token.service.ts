import { CertificateStatus, DomainError, TokenStatus } from '@app/contracts';
import { ActorChannel, assertTokenTransition } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CertificateStatusService } from '../ca/certificate-status.service';
import { CrlPublisher } from '../ca/crl.publisher';
import { Certificate } from '../certificate/certificate.entity';
import { assertInBranch, branchScope } from '../common/branch-scope';
import { likeEscape, sortColumn, type ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { Customer } from '../customer/customer.entity';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import type { RegisterTokenInput, TokenFilter } from './dto/token.inputs';
import { Token } from './token.entity';

const SORTABLE = {
  serial: 't.serial',
  status: 't.status',
  createdAt: 't.createdAt',
  statusChangedAt: 't.statusChangedAt',
};

/** Certificates a lost token must not keep usable: installed ones and those awaiting download. */
const HOLDABLE = [CertificateStatus.ACTIVE, CertificateStatus.ISSUED];

/** Whole seconds: the CRL and the audit trail show the same instant. */
const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);

@Injectable()
export class TokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly status: CertificateStatusService,
    private readonly crl: CrlPublisher,
  ) {}

  /** One page of the caller's branch's tokens, filtered and sorted in SQL. */
  async list(
    ctx: RequestContext,
    args: ListArgs,
    filter: TokenFilter = {},
  ): Promise<{ items: Token[]; total: number }> {
    const qb = this.dataSource.getRepository(Token).createQueryBuilder('t');
    const scope = branchScope(ctx);
    if (scope) qb.andWhere('t.branchId = :scope', { scope });
    if (filter.branchId) qb.andWhere('t.branchId = :branch', { branch: filter.branchId });
    if (filter.customerId) qb.andWhere('t.ownerCustomerId = :customer', { customer: filter.customerId });
    if (filter.type) qb.andWhere('t.type = :type', { type: filter.type });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.ids) qb.andWhere(filter.ids.length ? 't.id IN (:...ids)' : '1 = 0', { ids: filter.ids });
    const serial = filter.serial?.trim();
    if (serial) qb.andWhere("t.serial LIKE :serial ESCAPE '!'", { serial: `${likeEscape(serial)}%` });
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'createdAt'), args.sortOrder ?? 'DESC').addOrderBy('t.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<Token> {
    const token = await this.dataSource.getRepository(Token).findOneBy({ id });
    if (!token) throw new DomainError('TOKEN_NOT_FOUND');
    assertInBranch(ctx, token.branchId);
    return token;
  }

  /** The customer holding the token; branch scope was checked when the token was read. */
  /** Records a token handed to a customer at this branch; a type and serial are registered once. */
  async register(ctx: RequestContext, input: RegisterTokenInput): Promise<Token> {
    const branchId = ctx.staff!.branchId;
    try {
      return await this.dataSource.transaction(async (m) => {
        const customer = await m.findOneBy(Customer, { id: input.customerId });
        if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND');
        assertInBranch(ctx, customer.homeBranchId);
        if (await m.existsBy(Token, { type: input.type, serial: input.serial }))
          throw new DomainError('TOKEN_DUPLICATE');
        const token = m.create(Token, {
          id: randomUUID(),
          type: input.type,
          serial: input.serial,
          ownerCustomerId: customer.id,
          branchId,
          status: TokenStatus.ACTIVE,
          statusChangedAt: now(),
        });
        await m.save(token);
        await this.audit.record(m, ctx, {
          action: 'TOKEN_REGISTERED',
          targetType: 'Token',
          targetId: token.id,
          after: { type: token.type, serial: token.serial, customerId: customer.id, serialSource: input.serialSource },
        });
        return token;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('TOKEN_DUPLICATE');
      throw error;
    }
  }

  /**
   * 載具遺失: in one transaction every installed or downloadable certificate on the token goes on
   * hold (each audited) and the token becomes LOST; then one CRL carries all of them.
   */
  async reportLost(ctx: RequestContext, id: string, version: number): Promise<Token> {
    const { token, held } = await this.dataSource.transaction(async (m) => {
      const token = await this.lockedForChange(m, ctx, id, version, TokenStatus.LOST);
      const certificates = await m.find(Certificate, {
        where: { tokenId: id, status: In(HOLDABLE) },
        order: { createdAt: 'ASC' },
      });
      for (const c of certificates)
        await this.status.changeWithin(m, ctx, c.id, CertificateStatus.SUSPENDED, ActorChannel.COUNTER);
      await this.setStatus(m, ctx, token, TokenStatus.LOST, { heldCertificateIds: certificates.map((c) => c.id) });
      return { token, held: certificates.length };
    });
    if (held > 0) await this.crl.publish();
    return token;
  }

  /** Takes a token out of use (returned, broken or replaced); its certificates are left as they are. */
  async retire(ctx: RequestContext, id: string, version: number): Promise<Token> {
    return this.dataSource.transaction(async (m) => {
      const token = await this.lockedForChange(m, ctx, id, version, TokenStatus.RETIRED);
      await this.setStatus(m, ctx, token, TokenStatus.RETIRED, {});
      return token;
    });
  }

  private async lockedForChange(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    version: number,
    to: TokenStatus,
  ): Promise<Token> {
    const token = await m.getRepository(Token).findOne({ where: { id }, lock: lockFor(this.dataSource) });
    if (!token) throw new DomainError('TOKEN_NOT_FOUND');
    assertInBranch(ctx, token.branchId);
    if (token.version !== version) throw new DomainError('STALE_UPDATE');
    assertTokenTransition(token.status, to, { channel: ActorChannel.COUNTER });
    return token;
  }

  private async setStatus(
    m: EntityManager,
    ctx: RequestContext,
    token: Token,
    to: TokenStatus,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const before = { status: token.status };
    token.status = to;
    token.statusChangedAt = now();
    await m.save(token);
    await this.audit.record(m, ctx, {
      action: `TOKEN_${to}`,
      targetType: 'Token',
      targetId: token.id,
      before,
      after: { status: to, ...extra },
    });
  }
}
