import { DomainError, StaffRole } from '@app/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import type { AuditEvent } from './audit-event.entity';
import type { AuditEventFilter } from './dto/audit.inputs';

/**
 * Who reads the trail: an admin every branch, a supervisor the events of their own branch (the
 * auditor of EJBCA, per branch). Tellers none: they see their own work in the records themselves.
 */
export function auditBranchScope(ctx: RequestContext): string | null {
  const staff = ctx.staff;
  if (!staff) throw new DomainError('UNAUTHENTICATED');
  switch (staff.role) {
    case StaffRole.ADMIN:
      return null;
    case StaffRole.SUPERVISOR:
      return staff.branchCode;
    case StaffRole.TELLER:
      throw new DomainError('FORBIDDEN');
  }
}

/** The caller's scope and the filter, in SQL, for the browser and the export alike. */
export function applyAuditFilter(
  qb: SelectQueryBuilder<AuditEvent>,
  ctx: RequestContext,
  filter: AuditEventFilter = {},
): SelectQueryBuilder<AuditEvent> {
  const scope = auditBranchScope(ctx);
  if (scope !== null) qb.andWhere('e.branchCode = :scope', { scope });
  if (filter.branchCode) qb.andWhere('e.branchCode = :branchCode', { branchCode: filter.branchCode });
  if (filter.actorId) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
  if (filter.actor) {
    qb.andWhere('e.actorId IN (SELECT s.id FROM staff_users s WHERE s.username = :actor)', {
      actor: filter.actor.trim(),
    });
  }
  if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
  if (filter.targetType) qb.andWhere('e.targetType = :targetType', { targetType: filter.targetType });
  if (filter.targetId) qb.andWhere('e.targetId = :targetId', { targetId: filter.targetId.trim() });
  if (filter.from) qb.andWhere('e.occurredAt >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('e.occurredAt < :to', { to: filter.to });
  return qb;
}
