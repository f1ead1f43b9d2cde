import type { CertificateStatus, CertificateUsage, StorageMedium } from '@app/contracts';
import { toGregorianDate, toRocDate, toRocDateTime } from '@app/domain';

/** What the printouts call each medium (密碼模組), as customers see it on the kiosk. */
export const MEDIUM_LABELS: Record<StorageMedium, string> = {
  PC: 'PC（電腦憑證）',
  IKEY: 'iKey 載具',
  EZSIGN: 'ezSign 載具',
};

export const STATUS_LABELS: Record<CertificateStatus, string> = {
  PENDING: '核發中',
  ISSUED: '待下載',
  ACTIVE: '有效',
  SUSPENDED: '暫禁',
  REVOKED: '已廢止',
  EXPIRED: '已到期',
};

export const USAGE_LABELS: Record<CertificateUsage, string> = {
  SIGNING: '簽章憑證',
  ENCRYPTION: '加密憑證',
};

/** `民國 115/12/24（2026-12-24）`: both calendars, the Taipei day. */
export function bothCalendars(d: Date): string {
  return `民國 ${toRocDate(d)}（${toGregorianDate(d)}）`;
}

/** Print time in the ROC calendar with the Taipei time of day. */
export function printTime(d: Date): string {
  return `民國 ${toRocDateTime(d)}`;
}

/** `0A:1B:…`: the way certificate viewers show serials and fingerprints. */
export function colonHex(hex: string): string {
  return (hex.length % 2 ? `0${hex}` : hex).toUpperCase().replace(/(..)(?!$)/g, '$1:');
}
