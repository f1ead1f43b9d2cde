import { DomainError } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sortColumn, type ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { auditHmacKey } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { applyAuditFilter } from './audit-scope';
import { verifyAuditChain, type ChainReport, type VerifyOptions } from './audit-verifier';
import type { AuditEventFilter } from './dto/audit.inputs';

// Ids grow with time (events are appended under the chain lock): sorting by id is sorting by time, on the primary key.
const SORTABLE = { occurredAt: 'e.id', id: 'e.id', action: 'e.action', branchCode: 'e.branchCode' };

/** Reads the trail for the audit browser, its export and the chain check. Never writes. */
@Injectable()
export class AuditQueryService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENV) env: Env,
  ) {
    this.key = auditHmacKey(env);
  }

  async list(
    ctx: RequestContext,
    args: ListArgs,
    filter?: AuditEventFilter,
  ): Promise<{ items: AuditEvent[]; total: number }> {
    const qb = applyAuditFilter(this.dataSource.getRepository(AuditEvent).createQueryBuilder('e'), ctx, filter);
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'occurredAt'), args.sortOrder ?? 'DESC').addOrderBy('e.id', 'DESC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<AuditEvent> {
    const qb = applyAuditFilter(this.dataSource.getRepository(AuditEvent).createQueryBuilder('e'), ctx);
    const event = /^\d{1,19}$/.test(id) ? await qb.andWhere('e.id = :id', { id }).getOne() : null;
    // Another branch's event is reported as absent: its existence is not the supervisor's business.
    if (!event) throw new DomainError('AUDIT_EVENT_NOT_FOUND');
    return event;
  }

  /** The filtered events oldest first, `batchSize` rows per query (keyset on id), for the CSV export. */
  async *stream(ctx: RequestContext, filter: AuditEventFilter, batchSize = 500): AsyncGenerator<AuditEvent> {
    let after = '0';
    for (;;) {
      const batch = await applyAuditFilter(
        this.dataSource.getRepository(AuditEvent).createQueryBuilder('e'),
        ctx,
        filter,
      )
        .andWhere('e.id > :after', { after })
        .orderBy('e.id', 'ASC')
        .take(batchSize)
        .getMany();
      yield* batch;
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1].id;
    }
  }

  /** The whole chain, checked with the configured key (what `npm run audit:verify` prints). */
  verifyChain(options?: VerifyOptions): Promise<ChainReport> {
    return verifyAuditChain(this.dataSource, this.key, options);
  }
}
