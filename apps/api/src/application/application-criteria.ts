import type { ApplicationStatus, CertificateType, StorageMedium } from '@app/contracts';
import { normalizeIdNumber } from '@app/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { likeEscape } from '../common/dto/list-args';
import type { CounterApplication } from './counter-application.entity';

/** What an application search can ask for: the counter's list and the CSV export take the same. */
export interface ApplicationCriteria {
  readonly ids?: readonly string[];
  readonly branchId?: string;
  readonly customerId?: string;
  readonly status?: ApplicationStatus;
  readonly certType?: CertificateType;
  readonly medium?: StorageMedium;
  /** Start of the Common Name: an ID number as typed. */
  readonly q?: string;
  readonly createdFrom?: Date;
  readonly createdTo?: Date;
}

/** Narrows a query on applications (alias `a`) to `criteria`, in SQL: one place for list and export. */
export function whereApplication(qb: SelectQueryBuilder<CounterApplication>, criteria: ApplicationCriteria): void {
  const f = criteria;
  if (f.ids) qb.andWhere(f.ids.length ? 'a.id IN (:...ids)' : '1 = 0', { ids: f.ids });
  if (f.branchId) qb.andWhere('a.branchId = :branch', { branch: f.branchId });
  if (f.customerId) qb.andWhere('a.customerId = :customer', { customer: f.customerId });
  if (f.status) qb.andWhere('a.status = :status', { status: f.status });
  if (f.certType) qb.andWhere('a.certType = :certType', { certType: f.certType });
  if (f.medium) qb.andWhere('a.medium = :medium', { medium: f.medium });
  const q = f.q?.trim();
  if (q) qb.andWhere("a.commonName LIKE :prefix ESCAPE '!'", { prefix: `${likeEscape(normalizeIdNumber(q))}%` });
  if (f.createdFrom) qb.andWhere('a.createdAt >= :createdFrom', { createdFrom: f.createdFrom });
  if (f.createdTo) qb.andWhere('a.createdAt < :createdTo', { createdTo: f.createdTo });
}
