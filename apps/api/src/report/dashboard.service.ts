import { ApplicationStatus, ApprovalStatus, CertificateStatus, TokenStatus } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { CounterApplication } from '../application/counter-application.entity';
import { UnsuspendRequest } from '../approval/unsuspend-request.entity';
import { Branch } from '../branch/branch.entity';
import { Certificate } from '../certificate/certificate.entity';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { Token } from '../token/token.entity';
import { CERTIFICATE_STATUS_ORDER, type BranchFigures, type Dashboard } from './dto/dashboard-figures';
import { reportScope } from './report-scope';
import { addDays, DAY_MS, taipeiDay, taipeiDayBounds } from './taipei-day';

type Counts = Omit<BranchFigures, 'branch' | 'certificatesByStatus'> & { byStatus: Map<CertificateStatus, number> };
type Row = Record<string, string | number | Date | null>;

const emptyCounts = (): Counts => ({
  byStatus: new Map(),
  expiring30: 0,
  expiring60: 0,
  suspendedOver: 0,
  applicationsNoticePrinted: 0,
  applicationsLocked: 0,
  applicationsExpired: 0,
  tokensLocked: 0,
  tokensLost: 0,
  pendingApprovals: 0,
  oldestPendingAt: null,
});

const APPLICATION_FIGURES: Partial<Record<string, keyof Counts>> = {
  [ApplicationStatus.NOTICE_PRINTED]: 'applicationsNoticePrinted',
  [ApplicationStatus.LOCKED]: 'applicationsLocked',
  [ApplicationStatus.EXPIRED]: 'applicationsExpired',
};
const TOKEN_FIGURES: Partial<Record<string, keyof Counts>> = {
  [TokenStatus.LOCKED]: 'tokensLocked',
  [TokenStatus.LOST]: 'tokensLost',
};

/**
 * The supervisors' figures, each one GROUP BY branch over an index that starts with branch_id:
 * the bank's totals are the sum of its branches, so an admin's per-branch table and the totals
 * come from the same reads and always add up.
 */
@Injectable()
export class DashboardService {
  private readonly suspendedDays: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENV) env: Env,
  ) {
    this.suspendedDays = env.DASHBOARD_SUSPENDED_DAYS;
  }

  async figures(ctx: RequestContext, branchId?: string, now = new Date()): Promise<Dashboard> {
    const scope = reportScope(ctx, branchId);
    const today = taipeiDay(now);
    const from = taipeiDayBounds(today).from;
    const until30 = addDays(today, 30);
    const until60 = addDays(today, 60);
    const suspendedBefore = new Date(now.getTime() - this.suspendedDays * DAY_MS);
    const byBranch = new Map<string, Counts>();
    const counts = (id: string): Counts => {
      let c = byBranch.get(id);
      if (!c) byBranch.set(id, (c = emptyCounts()));
      return c;
    };

    for (const r of await this.grouped(Certificate, scope, (qb) => qb.addSelect('t.status', 'status'), 't.status')) {
      counts(String(r.branchId)).byStatus.set(r.status as CertificateStatus, Number(r.n));
    }
    const expiring = await this.grouped(Certificate, scope, (qb) =>
      qb
        .addSelect('COUNT(CASE WHEN t.notAfter < :to30 THEN 1 END)', 'n30')
        .andWhere('t.status = :active AND t.notAfter >= :from AND t.notAfter < :to60', {
          active: CertificateStatus.ACTIVE,
          from,
          to30: taipeiDayBounds(until30).to,
          to60: taipeiDayBounds(until60).to,
        }),
    );
    for (const r of expiring)
      Object.assign(counts(String(r.branchId)), { expiring30: Number(r.n30), expiring60: Number(r.n) });
    const held = await this.grouped(Certificate, scope, (qb) =>
      qb.andWhere('t.status = :held AND t.statusChangedAt < :before', {
        held: CertificateStatus.SUSPENDED,
        before: suspendedBefore,
      }),
    );
    for (const r of held) counts(String(r.branchId)).suspendedOver = Number(r.n);
    await this.byStatus(CounterApplication, scope, APPLICATION_FIGURES, counts);
    await this.byStatus(Token, scope, TOKEN_FIGURES, counts);
    const pending = await this.grouped(UnsuspendRequest, scope, (qb) =>
      qb.addSelect('MIN(t.requestedAt)', 'oldest').andWhere('t.status = :pending', { pending: ApprovalStatus.PENDING }),
    );
    for (const r of pending) {
      Object.assign(counts(String(r.branchId)), { pendingApprovals: Number(r.n), oldestPendingAt: asDate(r.oldest) });
    }

    const branches = await this.branchesIn(scope.branchId);
    const rows = branches.map((b) => toFigures(b, byBranch.get(b.id) ?? emptyCounts()));
    const total = sum(rows);
    return {
      ...total,
      branch: scope.branchId ? (branches[0] ?? null) : null,
      queriedAt: now,
      expiringFrom: today,
      expiring30Until: until30,
      expiring60Until: until60,
      suspendedDays: this.suspendedDays,
      suspendedBefore,
      perBranch: scope.perBranch ? rows : [],
    };
  }

  private grouped<E extends ObjectLiteral>(
    entity: new () => E,
    scope: { branchId: string | null },
    shape: (qb: SelectQueryBuilder<E>) => SelectQueryBuilder<E>,
    ...groupBy: string[]
  ): Promise<Row[]> {
    const qb = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('t')
      .select('t.branchId', 'branchId')
      .addSelect('COUNT(*)', 'n');
    if (scope.branchId) qb.where('t.branchId = :branchId', { branchId: scope.branchId });
    shape(qb).groupBy('t.branchId');
    for (const g of groupBy) qb.addGroupBy(g);
    return qb.getRawMany<Row>();
  }

  private async byStatus<E extends ObjectLiteral>(
    entity: new () => E,
    scope: { branchId: string | null },
    figures: Partial<Record<string, keyof Counts>>,
    counts: (id: string) => Counts,
  ): Promise<void> {
    const statuses = Object.keys(figures);
    const rows = await this.grouped(
      entity,
      scope,
      (qb) => qb.addSelect('t.status', 'status').andWhere('t.status IN (:...statuses)', { statuses }),
      't.status',
    );
    for (const r of rows) {
      const key = figures[String(r.status)];
      if (key) Object.assign(counts(String(r.branchId)), { [key]: Number(r.n) });
    }
  }

  private branchesIn(branchId: string | null): Promise<Branch[]> {
    const repo = this.dataSource.getRepository(Branch);
    return branchId ? repo.findBy({ id: branchId }) : repo.find({ order: { code: 'ASC' } });
  }
}

function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  // The raw MIN() arrives as a Date from MariaDB and as text from sql.js; both are UTC.
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}

function toFigures(branch: Branch, c: Counts): BranchFigures {
  const { byStatus, ...rest } = c;
  return {
    ...rest,
    branch,
    certificatesByStatus: CERTIFICATE_STATUS_ORDER.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
  };
}

function sum(rows: BranchFigures[]): BranchFigures {
  const total = toFigures(new Branch(), emptyCounts());
  for (const r of rows) {
    r.certificatesByStatus.forEach((s, i) => (total.certificatesByStatus[i].count += s.count));
    total.expiring30 += r.expiring30;
    total.expiring60 += r.expiring60;
    total.suspendedOver += r.suspendedOver;
    total.applicationsNoticePrinted += r.applicationsNoticePrinted;
    total.applicationsLocked += r.applicationsLocked;
    total.applicationsExpired += r.applicationsExpired;
    total.tokensLocked += r.tokensLocked;
    total.tokensLost += r.tokensLost;
    total.pendingApprovals += r.pendingApprovals;
    if (r.oldestPendingAt && (!total.oldestPendingAt || r.oldestPendingAt < total.oldestPendingAt)) {
      total.oldestPendingAt = r.oldestPendingAt;
    }
  }
  return total;
}
