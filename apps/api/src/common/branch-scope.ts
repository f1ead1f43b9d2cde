import { DomainError, StaffRole } from '@app/contracts';
import type { RequestContext } from './request-context';

/** The branch a caller is confined to; null for an admin, who sees every branch. */
export function branchScope(ctx: RequestContext): string | null {
  if (!ctx.staff) throw new DomainError('UNAUTHENTICATED');
  return ctx.staff.role === StaffRole.ADMIN ? null : ctx.staff.branchId;
}

/** Tellers and supervisors act within their own branch only. */
export function assertInBranch(ctx: RequestContext, branchId: string): void {
  const scope = branchScope(ctx);
  if (scope !== null && scope !== branchId) throw new DomainError('OUT_OF_BRANCH');
}
