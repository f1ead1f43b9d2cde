import { describe, expect, it } from '@jest/globals';
import {
  asStored,
  auditHmacKey,
  canonicalEvent,
  chainHmac,
  GENESIS_HMAC,
  stableJson,
  type ChainedFields,
} from './audit-chain';

const KEY = Buffer.from('k'.repeat(32));
const EVENT: ChainedFields = {
  seq: '7',
  occurredAt: new Date('2026-11-24T04:21:57.120Z'),
  actorType: 'STAFF',
  actorId: '00000000-0000-4000-8000-000000000501',
  actorRole: 'TELLER',
  branchCode: '0060000',
  kioskId: null,
  action: 'CUSTOMER_UPDATED',
  targetType: 'Customer',
  targetId: 'c1',
  before: { name: '王小明', email: null },
  after: { email: null, name: '王小華' },
  requestId: 'r1',
  clientIp: '127.0.0.1',
};

describe('audit chain encoding', () => {
  it('sorts object keys at every depth, so key order never changes the bytes', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(canonicalEvent({ ...EVENT, before: { email: null, name: '王小明' } })).toBe(canonicalEvent(EVENT));
  });

  it('covers every field, with the time to the millisecond', () => {
    const base = chainHmac(KEY, GENESIS_HMAC, EVENT);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants: Partial<ChainedFields>[] = [
      { seq: '8' },
      { occurredAt: new Date('2026-11-24T04:21:57.121Z') },
      { actorId: null },
      { branchCode: '0060123' },
      { action: 'CUSTOMER_CREATED' },
      { targetId: 'c2' },
      { after: { email: null, name: '王小明' } },
      { requestId: null },
      { clientIp: '10.0.0.1' },
    ];
    for (const v of variants) expect(chainHmac(KEY, GENESIS_HMAC, { ...EVENT, ...v })).not.toBe(base);
    expect(chainHmac(KEY, 'f'.repeat(64), EVENT)).not.toBe(base);
    expect(chainHmac(Buffer.from('j'.repeat(32)), GENESIS_HMAC, EVENT)).not.toBe(base);
  });

  it('hashes what the JSON column gives back, not the live object', () => {
    expect(asStored({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toEqual({
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(asStored(undefined)).toBeNull();
  });

  it('takes the key from the environment or its file, and refuses to run without one in production', () => {
    const base = { NODE_ENV: 'production' as const, DATABASE_URL: 'mariadb://h/db' };
    expect(auditHmacKey({ ...base, AUDIT_HMAC_KEY: 'x'.repeat(32) })).toEqual(Buffer.from('x'.repeat(32)));
    expect(() => auditHmacKey(base)).toThrow(/AUDIT_HMAC_KEY/);
    expect(auditHmacKey({ ...base, NODE_ENV: 'test' }).length).toBeGreaterThanOrEqual(32);
  });
});
