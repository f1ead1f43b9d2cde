import { DomainError } from '@app/contracts';

/**
 * Readers for request fields: a missing or malformed field is BAD_USER_INPUT naming the field, so the
 * page can mark it. Values (PINs, passwords) are never echoed back.
 */
export function requiredString(body: Record<string, unknown>, field: string, maxLength = 256): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) throw fieldError(field, 'FIELD_REQUIRED');
  if (value.length > maxLength) throw fieldError(field, 'FIELD_TOO_LONG', { max: maxLength });
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string, maxLength = 256): string | undefined {
  return body[field] === undefined ? undefined : requiredString(body, field, maxLength);
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw fieldError(field, 'FIELD_INVALID');
  return value;
}

export function stringList(body: Record<string, unknown>, field: string, max: number, required: boolean): string[] {
  const value = body[field];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || (required && value.length === 0)) throw fieldError(field, 'FIELD_REQUIRED');
  if (value.length > max || value.some((v) => typeof v !== 'string')) throw fieldError(field, 'FIELD_INVALID');
  return value as string[];
}

/** A hex id (CKA_ID or store entry id). */
export function hexId(body: Record<string, unknown>, field = 'id'): Uint8Array {
  const value = requiredString(body, field, 128);
  if (!/^(?:[0-9a-f]{2})+$/i.test(value)) throw fieldError(field, 'FIELD_INVALID');
  return new Uint8Array(Buffer.from(value, 'hex'));
}

/** Base64 bytes, at most `maxBytes` once decoded. */
export function base64Bytes(body: Record<string, unknown>, field: string, maxBytes: number): Uint8Array {
  const value = requiredString(body, field, Math.ceil(maxBytes / 3) * 4 + 4);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw fieldError(field, 'FIELD_INVALID');
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export function fieldError(field: string, code: 'FIELD_REQUIRED' | 'FIELD_INVALID' | 'FIELD_TOO_LONG', params = {}) {
  return DomainError.invalidInput([{ field, code, params }]);
}
