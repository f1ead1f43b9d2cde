import { ActorType, DomainError } from '@app/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';
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

type ChainFields = Omit<AuditEvent, 'id' | 'seq' | 'hmac'>;

interface Pending {
  readonly fields: ChainFields;
  /** Transaction nesting level the event was recorded at: a rolled-back savepoint takes its events along. */
  readonly depth: number;
}

/**
 * Writes audit events through the caller's transaction: if an event cannot be written, the
 * transaction fails and the change it describes does not happen.
 *
 * Inside a transaction the event is linked into the HMAC chain just before COMMIT (a TypeORM
 * beforeTransactionCommit hook), under a lock on the chain head: concurrent transactions append one
 * after the other, and the head is locked only for the moment of the commit, not from the first
 * audited step on (which would also invite deadlocks with row locks taken later).
 */
@Injectable()
export class AuditService implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('Audit');
  private readonly key: Buffer;
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();
  private readonly depth = new WeakMap<QueryRunner, number>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENV) env: Env,
  ) {
    // Failing here stops the API at boot rather than letting it run without a trail.
    this.key = auditHmacKey(env);
    dataSource.subscribers.push(this);
  }

  /** The embedded demo database is built from the entities, without the migration that adds the head. */
  async onModuleInit(): Promise<void> {
    if (this.dataSource.options.type !== 'sqljs') return;
    if (!(await this.dataSource.getRepository(AuditChainHead).existsBy({ id: 1 }))) {
      await this.dataSource.getRepository(AuditChainHead).insert({ id: 1, lastSeq: '0', lastHmac: null });
    }
  }

  async record(manager: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const fields = this.fieldsOf(ctx, entry);
    const runner = manager.queryRunner;
    const depth = runner ? (this.depth.get(runner) ?? 0) : 0;
    if (runner?.isTransactionActive && depth > 0) {
      const queue = this.pending.get(runner) ?? [];
      queue.push({ fields, depth });
      this.pending.set(runner, queue);
      return;
    }
    // No transaction of the caller's to ride on: the event gets its own.
    await this.guarded([entry.action], () => manager.transaction((m) => this.append(m, [fields])));
  }

  afterTransactionStart({ queryRunner }: TransactionStartEvent): void {
    this.depth.set(queryRunner, (this.depth.get(queryRunner) ?? 0) + 1);
  }

  async beforeTransactionCommit({ queryRunner, manager }: TransactionCommitEvent): Promise<void> {
    if (this.depth.get(queryRunner) !== 1) return;
    const queue = this.pending.get(queryRunner);
    if (!queue?.length) return;
    this.pending.delete(queryRunner);
    const fields = queue.map((p) => p.fields);
    await this.guarded(
      fields.map((f) => f.action),
      () => this.append(manager, fields),
    );
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    this.leave(queryRunner);
  }

  beforeTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const level = this.depth.get(queryRunner) ?? 0;
    const kept = (this.pending.get(queryRunner) ?? []).filter((p) => p.depth < level);
    if (kept.length) this.pending.set(queryRunner, kept);
    else this.pending.delete(queryRunner);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    this.leave(queryRunner);
  }

  private leave(runner: QueryRunner): void {
    const level = (this.depth.get(runner) ?? 1) - 1;
    if (level > 0) this.depth.set(runner, level);
    else {
      this.depth.delete(runner);
      this.pending.delete(runner);
    }
  }

  private fieldsOf(ctx: RequestContext, entry: AuditEntry): ChainFields {
    const staff = ctx.staff;
    const customerId = staff ? null : (ctx.customerId ?? null);
    return {
      occurredAt: new Date(),
      actorType: staff ? ActorType.STAFF : customerId ? ActorType.CUSTOMER : ActorType.SYSTEM,
      actorId: staff?.id ?? customerId,
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
  }

  /** The cause goes to the log; the caller gets AUDIT_UNAVAILABLE, and its transaction rolls back. */
  private async guarded(actions: string[], work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`audit events ${actions.join(', ')} could not be written: ${String(error)}`);
      throw new DomainError('AUDIT_UNAVAILABLE');
    }
  }

  /** Links the events into the chain after the head, in order, and moves the head. */
  private async append(manager: EntityManager, events: readonly ChainFields[]): Promise<void> {
    const head = await manager
      .getRepository(AuditChainHead)
      .findOne({ where: { id: 1 }, lock: lockFor(manager.connection) });
    if (!head) throw new Error('the audit chain head row is missing');
    let seq = BigInt(head.lastSeq);
    let prev = head.lastHmac ?? GENESIS_HMAC;
    for (const fields of events) {
      seq += 1n;
      const chained = { ...fields, seq: seq.toString() };
      prev = chainHmac(this.key, prev, chained);
      await manager.save(manager.create(AuditEvent, { ...chained, hmac: prev }));
    }
    await manager.update(AuditChainHead, { id: 1 }, { lastSeq: seq.toString(), lastHmac: prev });
  }
}
