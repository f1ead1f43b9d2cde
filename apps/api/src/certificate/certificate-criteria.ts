import type { CertificateStatus, CertificateUsage, StorageMedium } from '@app/contracts';
import { normalizeIdNumber } from '@app/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { likeEscape } from '../common/dto/list-args';
import type { Certificate } from './certificate.entity';
import { normalizeSerialHex } from './serial-hex';

/** What a certificate search can ask for: the counter's list and the CSV export take the same. */
export interface CertificateCriteria {
  readonly ids?: readonly string[];
  readonly branchId?: string;
  readonly customerId?: string;
  readonly tokenId?: string;
  readonly status?: CertificateStatus;
  readonly usage?: CertificateUsage;
  readonly medium?: StorageMedium;
  /** The customer's ID number as typed. */
  readonly idNumber?: string;
  /** Start of the Common Name, any case. */
  readonly commonName?: string;
  /** As OpenSSL prints it or as a viewer shows the integer. */
  readonly serialHex?: string;
  readonly notAfterFrom?: Date;
  readonly notAfterTo?: Date;
  readonly statusChangedBefore?: Date;
}

/**
 * Narrows a query on certificates (alias `c`) to `criteria`, in SQL. One place for the rules, so a
 * list and its export always hold the same rows.
 */
export function whereCertificate(qb: SelectQueryBuilder<Certificate>, criteria: CertificateCriteria): void {
  const f = criteria;
  if (f.ids) qb.andWhere(f.ids.length ? 'c.id IN (:...ids)' : '1 = 0', { ids: f.ids });
  if (f.branchId) qb.andWhere('c.branchId = :branch', { branch: f.branchId });
  if (f.customerId) qb.andWhere('c.customerId = :customer', { customer: f.customerId });
  if (f.tokenId) qb.andWhere('c.tokenId = :token', { token: f.tokenId });
  if (f.status) qb.andWhere('c.status = :status', { status: f.status });
  if (f.usage) qb.andWhere('c.usage = :usage', { usage: f.usage });
  if (f.medium) qb.andWhere('c.medium = :medium', { medium: f.medium });
  if (f.idNumber) {
    // a subquery rather than a join: callers may have joined the customer already
    qb.andWhere('c.customerId IN (SELECT cf.id FROM customers cf WHERE cf.id_number = :idNumber)', {
      idNumber: normalizeIdNumber(f.idNumber),
    });
  }
  const cn = f.commonName?.trim().toUpperCase();
  if (cn) qb.andWhere("c.commonName LIKE :cn ESCAPE '!'", { cn: `${likeEscape(cn)}%` });
  if (f.serialHex) qb.andWhere('c.serialHex = :serial', { serial: normalizeSerialHex(f.serialHex) });
  if (f.notAfterFrom) qb.andWhere('c.notAfter >= :notAfterFrom', { notAfterFrom: f.notAfterFrom });
  if (f.notAfterTo) qb.andWhere('c.notAfter < :notAfterTo', { notAfterTo: f.notAfterTo });
  if (f.statusChangedBefore) {
    qb.andWhere('c.statusChangedAt < :changedBefore', { changedBefore: f.statusChangedBefore });
  }
}
