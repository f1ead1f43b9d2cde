import { DomainError } from '@app/contracts';
import { classifyIdNumber, idNumberErrorCode, normalizeIdNumber } from './id-number';
import { toGregorianDate } from './roc-date';

/** Two digits in the CN: at most 100 certificates per ID number (and date). */
export const MAX_CN_SEQUENCE = 99;

export interface CommonNameParts {
  readonly idNumber: string;
  readonly sequence: number;
  /** Issue date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** True for the 8-digit date form given to certificates converted from FEDI. */
  readonly conversion: boolean;
}

/**
 * The Common Name of a customer certificate, per the bank's FXML naming rule as the platform manual
 * shows it: `<ID>-<2-digit sequence>-<YYMMDD>` (`U139514691-00-090319`), or with an 8-digit date
 * `<ID>-<seq>-<YYYYMMDD>` for the online FEDI → FXML conversion (`U139514691-00-20090323`). The date
 * is the issue day in Taiwan.
 *
 * Throws DomainError ID_NUMBER_INVALID / BUSINESS_NUMBER_INVALID for a bad ID and FIELD_INVALID for
 * a sequence outside 0..99.
 */
export function buildCommonName(p: {
  idNumber: string;
  sequence: number;
  issuedAt: Date;
  conversion?: boolean;
}): string {
  const idNumber = normalizeIdNumber(p.idNumber);
  const idError = idNumberErrorCode(idNumber);
  if (idError) throw new DomainError(idError, {}, [{ field: 'idNumber', code: idError }]);
  if (!Number.isInteger(p.sequence) || p.sequence < 0 || p.sequence > MAX_CN_SEQUENCE) {
    throw new DomainError('FIELD_INVALID', { field: 'sequence', value: p.sequence, max: MAX_CN_SEQUENCE });
  }
  const ymd = toGregorianDate(p.issuedAt).replace(/-/g, '');
  const date = p.conversion ? ymd : ymd.slice(2);
  return `${idNumber}-${String(p.sequence).padStart(2, '0')}-${date}`;
}

const COMMON_NAME = /^([0-9A-Z]{8,10})-(\d{2})-(\d{6}|\d{8})$/;

/**
 * The parts of a Common Name made by `buildCommonName`, or null when `cn` does not follow the rule
 * (including a bad ID checksum or an impossible date). A 6-digit date is read as 20YY: the form
 * names certificates issued by this system and its predecessor, all of them after 2000.
 */
export function parseCommonName(cn: string): CommonNameParts | null {
  const m = COMMON_NAME.exec(cn);
  if (!m) return null;
  const [, idNumber, seq, rawDate] = m;
  if (classifyIdNumber(idNumber) === null) return null;
  const conversion = rawDate.length === 8;
  const ymd = conversion ? rawDate : `20${rawDate}`;
  const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (!isRealDate(date)) return null;
  return { idNumber, sequence: Number(seq), date, conversion };
}

function isRealDate(iso: string): boolean {
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso);
}

/**
 * The next free CN sequence given those already used for the same ID (the caller chooses the scope,
 * e.g. the same ID and issue day): one above the highest, 0 for the first certificate. Throws
 * DomainError FIELD_INVALID when all 100 are used.
 */
export function nextCnSequence(existingSequences: readonly number[]): number {
  const next = existingSequences.reduce((max, s) => Math.max(max, s), -1) + 1;
  if (next > MAX_CN_SEQUENCE) {
    throw new DomainError('FIELD_INVALID', { field: 'sequence', value: next, max: MAX_CN_SEQUENCE });
  }
  return next;
}
