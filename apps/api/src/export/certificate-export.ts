import type { Locale } from '@app/contracts';
import { maskIdNumber } from '@app/domain';
import type { DataSource } from 'typeorm';
import { whereCertificate } from '../certificate/certificate-criteria';
import { Certificate } from '../certificate/certificate.entity';
import type { CsvValue } from './csv';
import type { CertificateExportFilter } from './dto/export-filters';
import { keysetRows } from './keyset';

interface CertificateRow {
  id: string;
  createdAt: Date;
  serialHex: string;
  commonName: string;
  usage: string;
  medium: string;
  status: string;
  notBefore: Date | null;
  notAfter: Date | null;
  customerName: string;
  idNumber: string;
  branchCode: string;
}

export const CERTIFICATE_HEADER: Record<Locale, readonly string[]> = {
  'zh-TW': [
    '憑證序號',
    '憑證名稱(CN)',
    '用途',
    '狀態',
    '載具',
    '客戶名稱',
    '身分證/統一編號',
    '分行代號',
    '生效時間',
    '到期時間',
    '建立時間',
  ],
  en: [
    'Serial',
    'Common name',
    'Usage',
    'Status',
    'Medium',
    'Customer',
    'ID number',
    'Branch',
    'Valid from',
    'Valid until',
    'Created',
  ],
};

/** The filtered certificates of `branchScope` (null: all), oldest first, read in batches. */
export function certificateRows(
  dataSource: DataSource,
  branchScope: string | null,
  filter: CertificateExportFilter,
): AsyncGenerator<CertificateRow> {
  const build = () => {
    const qb = dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .innerJoin('c.customer', 'cu')
      .innerJoin('c.branch', 'b')
      .select('c.id', 'id')
      .addSelect('c.createdAt', 'createdAt')
      .addSelect('c.serialHex', 'serialHex')
      .addSelect('c.commonName', 'commonName')
      .addSelect('c.usage', 'usage')
      .addSelect('c.medium', 'medium')
      .addSelect('c.status', 'status')
      .addSelect('c.notBefore', 'notBefore')
      .addSelect('c.notAfter', 'notAfter')
      .addSelect('cu.name', 'customerName')
      .addSelect('cu.idNumber', 'idNumber')
      .addSelect('b.code', 'branchCode');
    if (branchScope) qb.andWhere('c.branchId = :scope', { scope: branchScope });
    whereCertificate(qb, filter);
    return qb;
  };
  return keysetRows<CertificateRow>(build, 'c');
}

/** ID numbers leave the system masked: a report needs to tell customers apart, not to identify them. */
export function certificateLine(r: CertificateRow): readonly CsvValue[] {
  return [
    r.serialHex,
    r.commonName,
    r.usage,
    r.status,
    r.medium,
    r.customerName,
    maskIdNumber(r.idNumber),
    r.branchCode,
    r.notBefore,
    r.notAfter,
    r.createdAt,
  ];
}
