import { ApplicationStatus, DomainError } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CounterApplication } from '../application/counter-application.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Branch } from '../branch/branch.entity';
import type { RequestContext } from '../common/request-context';
import type { Reconciliation, ReconciliationRow } from './dto/reconciliation';
import { reportScope } from './report-scope';
import { taipeiDay, taipeiDayBounds } from './taipei-day';

/** Audit actions whose count is a printed sheet of paper, by the figure they add to. */
const PRINTS = {
  APPLICATION_NOTICE_PRINTED: 'noticesPrinted',
  APPLICATION_NOTICE_REISSUED: 'noticesReprinted',
  CERTIFICATE_PROOF_SHEET_PRINTED: 'proofSheetsPrinted',
} as const;

type Figure = Exclude<keyof ReconciliationRow, 'branch'>;

/**
 * 日結對帳: what each branch printed and registered on one Taipei day. Prints are counted from the
 * audit trail (a printed notice leaves no row of its own, and a reprint replaces the password);
 * registrations and completions from the application rows, so the two sides can be held together.
 */
@Injectable()
export class ReconciliationService {
  constructor(private readonly dataSource: DataSource) {}

  async forDay(ctx: RequestContext, date: string, branchId?: string): Promise<Reconciliation> {
    const scope = reportScope(ctx, branchId);
    const { from, to } = taipeiDayBounds(date);
    // 2026-02-30 passes the pattern; only a real day comes back unchanged.
    if (Number.isNaN(from.getTime()) || taipeiDay(from) !== date) throw new DomainError('REPORT_DATE_INVALID');
    const branches = await this.branchesIn(scope.branchId);
    const rows = new Map<string, ReconciliationRow>(
      branches.map((branch) => [
        branch.id,
        {
          branch,
          noticesPrinted: 0,
          noticesReprinted: 0,
          applicationsRegistered: 0,
          applicationsCompleted: 0,
          proofSheetsPrinted: 0,
        },
      ]),
    );
    const byCode = new Map(branches.map((b) => [b.code, b.id]));
    const add = (id: string | undefined, figure: Figure, n: unknown) => {
      const row = id ? rows.get(id) : undefined;
      if (row) row[figure] += Number(n);
    };

    const printed = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .select('e.branchCode', 'branchCode')
      .addSelect('e.action', 'action')
      .addSelect('COUNT(*)', 'n')
      .where('e.action IN (:...actions)', { actions: Object.keys(PRINTS) })
      .andWhere('e.occurredAt >= :from AND e.occurredAt < :to', { from, to })
      .groupBy('e.branchCode')
      .addGroupBy('e.action');
    if (scope.branchId) printed.andWhere('e.branchCode IN (:...codes)', { codes: [...byCode.keys()] });
    for (const r of await printed.getRawMany<{ branchCode: string; action: keyof typeof PRINTS; n: string }>()) {
      add(byCode.get(r.branchCode), PRINTS[r.action], r.n);
    }

    const apps = this.dataSource
      .getRepository(CounterApplication)
      .createQueryBuilder('a')
      .select('a.branchId', 'branchId')
      .addSelect('COUNT(CASE WHEN a.createdAt >= :from AND a.createdAt < :to THEN 1 END)', 'registered')
      .addSelect(
        'COUNT(CASE WHEN a.status = :completed AND a.statusChangedAt >= :from AND a.statusChangedAt < :to THEN 1 END)',
        'completed',
      )
      .where(
        '((a.createdAt >= :from AND a.createdAt < :to) OR (a.statusChangedAt >= :from AND a.statusChangedAt < :to))',
      )
      .setParameters({ from, to, completed: ApplicationStatus.COMPLETED })
      .groupBy('a.branchId');
    if (scope.branchId) apps.andWhere('a.branchId = :branchId', { branchId: scope.branchId });
    for (const r of await apps.getRawMany<{ branchId: string; registered: string; completed: string }>()) {
      add(r.branchId, 'applicationsRegistered', r.registered);
      add(r.branchId, 'applicationsCompleted', r.completed);
    }
    return { date, from, to, branches: [...rows.values()] };
  }

  private branchesIn(branchId: string | null): Promise<Branch[]> {
    const repo = this.dataSource.getRepository(Branch);
    return branchId ? repo.findBy({ id: branchId }) : repo.find({ order: { code: 'ASC' } });
  }
}
