import { ActorType } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  /** Overrides the actor's branch, e.g. for a failed sign-in with no session. */
  readonly branchCode?: string | null;
}

/**
 * Writes audit events through the caller's transaction manager: if the event cannot be written, the
 * transaction fails and the change it describes does not happen.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const staff = ctx.staff;
    const event = manager.create(AuditEvent, {
      occurredAt: new Date(),
      actorType: staff ? ActorType.STAFF : ActorType.SYSTEM,
      actorId: staff?.id ?? null,
      actorRole: staff?.role ?? null,
      branchCode: entry.branchCode !== undefined ? entry.branchCode : (staff?.branchCode ?? null),
      kioskId: null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
      clientIp: ctx.clientIp,
    });
    await manager.save(event);
  }
}
