import { StaffRole } from '@app/contracts';
import { assertInBranch, branchScope } from '../common/branch-scope';
import type { RequestContext } from '../common/request-context';

export interface ReportScope {
  /** The one branch the figures cover; null for the whole bank. */
  readonly branchId: string | null;
  /** An admin looking at the bank also gets a row per branch. */
  readonly perBranch: boolean;
}

/**
 * Tellers and supervisors see their own branch whatever they ask for (asking for another one is
 * refused, not quietly answered with their own); an admin, the head office, sees any branch or all.
 */
export function reportScope(ctx: RequestContext, branchId?: string): ReportScope {
  if (branchId) {
    assertInBranch(ctx, branchId);
    return { branchId, perBranch: false };
  }
  const own = branchScope(ctx);
  return { branchId: own, perBranch: ctx.staff?.role === StaffRole.ADMIN };
}
