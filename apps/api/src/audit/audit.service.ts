import { ActorType, DomainError } from '@app/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { lockFor } from '../database/row-lock';
import { AuditChainHead } from './audit-chain-head.entity';
import { asStored, auditHmacKey, chainHmac, GENESIS_HMAC } from './audit-chain';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  /** Overrides the actor's branch, e.g. for a failed sign-in with no session. */
  readonly branchCode?: string | null;
  /** The kiosk the action came from, when it came from one. */
  readonly kioskId?: string | null;
}

/**
 * Writes audit events through the caller's transaction manager: if the event cannot be written, the
 * transaction fails and the change it describes does not happen. Each event is linked into the HMAC
 * chain under a lock on the chain head, so concurrent transactions append one after the other.
 */
@Injectable()
export class AuditService implements OnModuleInit {
  private readonly logger = new Logger('Audit');
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENV) env: Env,
  ) {
    // Failing here stops the API at boot rather than letting it run without a trail.
    this.key = auditHmacKey(env);
  }

  /** The embedded demo database is built from the entities, without the migration that adds the head. */
  async onModuleInit(): Promise<void> {
    if (this.dataSource.options.type !== 'sqljs') return;
    if (!(await this.dataSource.getRepository(AuditChainHead).existsBy({ id: 1 }))) {
      await this.dataSource.getRepository(AuditChainHead).insert({ id: 1, lastSeq: '0', lastHmac: null });
    }
  }

  async record(manager: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    try {
      await this.append(manager, ctx, entry);
    } catch (error) {
      this.logger.error(`audit event ${entry.action} could not be written: ${String(error)}`);
      throw new DomainError('AUDIT_UNAVAILABLE');
    }
  }

  private async append(manager: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const head = await manager
      .getRepository(AuditChainHead)
      .findOne({ where: { id: 1 }, lock: lockFor(manager.connection) });
    if (!head) throw new Error('the audit chain head row is missing');
    const staff = ctx.staff;
    const seq = (BigInt(head.lastSeq) + 1n).toString();
    const fields = {
      seq,
      occurredAt: new Date(),
      actorType: staff ? ActorType.STAFF : ActorType.SYSTEM,
      actorId: staff?.id ?? null,
      actorRole: staff?.role ?? null,
      branchCode: entry.branchCode !== undefined ? entry.branchCode : (staff?.branchCode ?? null),
      kioskId: entry.kioskId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: asStored(entry.before),
      after: asStored(entry.after),
      requestId: ctx.requestId,
      clientIp: ctx.clientIp,
    };
    const hmac = chainHmac(this.key, head.lastHmac ?? GENESIS_HMAC, fields);
    await manager.save(manager.create(AuditEvent, { ...fields, hmac }));
    await manager.update(AuditChainHead, { id: 1 }, { lastSeq: seq, lastHmac: hmac });
  }
}
