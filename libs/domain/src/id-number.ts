import { CustomerKind, IdKind } from '@app/contracts';
import { isValidBusinessNumber } from './business-number';
import { isValidNationalId } from './national-id';
import { isValidResidentId } from './resident-id';

/**
 * The stored form of an ID number: full-width characters folded to ASCII (NFKC, as a Chinese input
 * method may type them), every space removed, letters upper-cased. `' u1395 14691 '` → `U139514691`.
 */
export function normalizeIdNumber(v: string): string {
  return v.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Which kind of identifier `v` is, after normalisation: national ID (內政部), resident certificate
 * number (內政部移民署) or unified business number (財政部); null when it passes none of the checks.
 */
export function classifyIdNumber(v: string): IdKind | null {
  const id = normalizeIdNumber(v);
  if (isValidNationalId(id)) return IdKind.NATIONAL_ID;
  if (isValidResidentId(id)) return IdKind.RESIDENT_ID;
  if (isValidBusinessNumber(id)) return IdKind.BUSINESS_NUMBER;
  return null;
}

/** A business number identifies a business customer; the personal IDs an individual. */
export function customerKindOf(kind: IdKind): CustomerKind {
  return kind === IdKind.BUSINESS_NUMBER ? CustomerKind.BUSINESS : CustomerKind.INDIVIDUAL;
}

/**
 * The error code to show for `v`, or null when it is a valid ID number. All-digit input can only
 * have meant a business number, so it gets the business-number message; anything else the personal
 * ID message, which explains the letter and check-digit forms.
 */
export function idNumberErrorCode(v: string): 'ID_NUMBER_INVALID' | 'BUSINESS_NUMBER_INVALID' | null {
  const id = normalizeIdNumber(v);
  if (classifyIdNumber(id) !== null) return null;
  return /^\d+$/.test(id) ? 'BUSINESS_NUMBER_INVALID' : 'ID_NUMBER_INVALID';
}

/**
 * The ID number as lists, logs and printouts may show it, same length as the original:
 * `U139514691` → `U1****4691`, `04595257` → `04****57`. Short input is masked completely.
 */
export function maskIdNumber(v: string): string {
  const id = normalizeIdNumber(v);
  if (id.length <= 4) return '*'.repeat(id.length);
  const tail = id.length >= 10 ? 4 : 2;
  return id.slice(0, 2) + '*'.repeat(id.length - 2 - tail) + id.slice(-tail);
}
