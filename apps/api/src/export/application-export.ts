import type { Locale } from '@app/contracts';
import { maskIdNumber } from '@app/domain';
import type { DataSource } from 'typeorm';
import { CounterApplication } from '../application/counter-application.entity';
import { whereApplication } from '../application/application-criteria';
import type { CsvValue } from './csv';
import type { ApplicationExportFilter } from './dto/export-filters';
import { keysetRows } from './keyset';

interface ApplicationRow {
  id: string;
  createdAt: Date;
  commonName: string;
  certType: string;
  medium: string;
  status: string;
  statusChangedAt: Date;
  email: string;
  customerName: string;
  idNumber: string;
  branchCode: string;
  teller: string | null;
}

export const APPLICATION_HEADER: Record<Locale, readonly string[]> = {
  'zh-TW': [
    '憑證名稱(CN)',
    '憑證種類',
    '載具',
    '狀態',
    '客戶名稱',
    '身分證/統一編號',
    '電子郵件',
    '分行代號',
    '承辦櫃員',
    '申請時間',
    '狀態異動時間',
  ],
  en: [
    'Common name',
    'Type',
    'Medium',
    'Status',
    'Customer',
    'ID number',
    'E-mail',
    'Branch',
    'Teller',
    'Registered',
    'Status changed',
  ],
};

/** The filtered counter applications of `branchScope` (null: all), oldest first, read in batches. */
export function applicationRows(
  dataSource: DataSource,
  branchScope: string | null,
  filter: ApplicationExportFilter,
): AsyncGenerator<ApplicationRow> {
  const build = () => {
    const qb = dataSource
      .getRepository(CounterApplication)
      .createQueryBuilder('a')
      .innerJoin('a.customer', 'cu')
      .innerJoin('a.branch', 'b')
      // An application converted online from FEDI has no teller.
      .leftJoin('a.teller', 't')
      .select('a.id', 'id')
      .addSelect('a.createdAt', 'createdAt')
      .addSelect('a.commonName', 'commonName')
      .addSelect('a.certType', 'certType')
      .addSelect('a.medium', 'medium')
      .addSelect('a.status', 'status')
      .addSelect('a.statusChangedAt', 'statusChangedAt')
      .addSelect('a.email', 'email')
      .addSelect('cu.name', 'customerName')
      .addSelect('cu.idNumber', 'idNumber')
      .addSelect('b.code', 'branchCode')
      .addSelect('t.username', 'teller');
    if (branchScope) qb.andWhere('a.branchId = :scope', { scope: branchScope });
    whereApplication(qb, filter);
    return qb;
  };
  return keysetRows<ApplicationRow>(build, 'a');
}

export function applicationLine(r: ApplicationRow): readonly CsvValue[] {
  return [
    r.commonName,
    r.certType,
    r.medium,
    r.status,
    r.customerName,
    maskIdNumber(r.idNumber),
    r.email,
    r.branchCode,
    r.teller,
    r.createdAt,
    r.statusChangedAt,
  ];
}
