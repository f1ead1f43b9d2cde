import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Env } from '../config/env';

/** The HMAC the first chained event is linked to. */
export const GENESIS_HMAC = '0'.repeat(64);

/** The fields of an event that its HMAC covers, as stored (JSON columns already parsed). */
export interface ChainedFields {
  readonly seq: string;
  readonly occurredAt: Date;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly branchCode: string | null;
  readonly kioskId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
  readonly clientIp: string | null;
}

/** JSON with object keys sorted at every depth, so that the same value always encodes the same way. */
export function stableJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The value as the JSON column will give it back: Dates become ISO strings, undefined disappears.
 * Hashing anything else would make a freshly written event fail verification once read back.
 */
export function asStored<T>(value: T | null | undefined): T | null {
  return value === null || value === undefined ? null : (JSON.parse(JSON.stringify(value)) as T);
}

/** Fixed field order, dates in ISO 8601 with milliseconds (UTC): the bytes the HMAC is computed over. */
export function canonicalEvent(e: ChainedFields): string {
  return stableJson([
    String(e.seq),
    e.occurredAt.toISOString(),
    e.actorType,
    e.actorId,
    e.actorRole,
    e.branchCode,
    e.kioskId,
    e.action,
    e.targetType,
    e.targetId,
    e.before ?? null,
    e.after ?? null,
    e.requestId,
    e.clientIp,
  ]);
}

/** HMAC-SHA256(key, prevHmac ‖ canonical(event)), lower-case hex. */
export function chainHmac(key: Buffer, prevHmac: string, e: ChainedFields): string {
  return createHmac('sha256', key).update(prevHmac).update('\n').update(canonicalEvent(e)).digest('hex');
}

/** Used only when NODE_ENV=test or on the embedded demo database, never with a real server. */
const NON_PRODUCTION_KEY = 'branch-ra-audit-key-for-tests-and-the-demo-only';

/**
 * The chain key from AUDIT_HMAC_KEY, else from the file AUDIT_HMAC_KEY_FILE names. It lives outside
 * the database so that someone who can write the tables still cannot forge an event.
 */
export function auditHmacKey(
  env: Pick<Env, 'AUDIT_HMAC_KEY' | 'AUDIT_HMAC_KEY_FILE' | 'NODE_ENV' | 'DATABASE_URL'>,
): Buffer {
  if (env.AUDIT_HMAC_KEY) return Buffer.from(env.AUDIT_HMAC_KEY, 'utf8');
  if (env.AUDIT_HMAC_KEY_FILE && existsSync(env.AUDIT_HMAC_KEY_FILE)) {
    const key = readFileSync(env.AUDIT_HMAC_KEY_FILE, 'utf8').trim();
    if (key.length >= 32) return Buffer.from(key, 'utf8');
    throw new Error('AUDIT_HMAC_KEY_FILE must hold at least 32 characters.');
  }
  if (env.NODE_ENV === 'test' || env.DATABASE_URL.startsWith('sqljs:')) return Buffer.from(NON_PRODUCTION_KEY, 'utf8');
  throw new Error('Set AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE: the audit trail cannot be written without its key.');
}
