import type { DataSource } from 'typeorm';
import { AuditChainHead } from './audit-chain-head.entity';
import { chainHmac, GENESIS_HMAC } from './audit-chain';
import { AuditEvent } from './audit-event.entity';

/**
 * EDITED: the event's fields or HMAC no longer match. MISSING: a sequence number has no event (deleted,
 * or cut off the end). REORDERED: sequence numbers were swapped between events. UNCHAINED: an event
 * without a sequence number was added after the chain started.
 */
export type ChainBreakReason = 'EDITED' | 'MISSING' | 'REORDERED' | 'UNCHAINED';

export interface ChainBreak {
  readonly seq: string | null;
  /** The event's id; for MISSING the id of the first event after the gap, if any. */
  readonly id: string | null;
  readonly reason: ChainBreakReason;
}

export interface ChainReport {
  readonly ok: boolean;
  /** Chained events checked. */
  readonly checked: number;
  /** Events written before the chain started (no seq), which no HMAC protects. */
  readonly preChain: number;
  readonly lastSeq: string;
  /** HMAC of the last chained event: kept outside the database, it shows later if events were cut off the end. */
  readonly lastHmac: string | null;
  /** The first break in chain order, then the others found (at most `maxBreaks` in all). */
  readonly breaks: readonly ChainBreak[];
}

export interface VerifyOptions {
  readonly batchSize?: number;
  readonly maxBreaks?: number;
}

const FIELDS = [
  'id',
  'seq',
  'hmac',
  'occurredAt',
  'actorType',
  'actorId',
  'actorRole',
  'branchCode',
  'kioskId',
  'action',
  'targetType',
  'targetId',
  'before',
  'after',
  'requestId',
  'clientIp',
] as const;

/**
 * Walks the chain in sequence order, in batches, recomputing each HMAC from the previous event's
 * stored HMAC. Each event is judged on its own, so one edited row shows up as one break and the
 * events after it still verify.
 */
export async function verifyAuditChain(
  dataSource: DataSource,
  key: Buffer,
  { batchSize = 1000, maxBreaks = 100 }: VerifyOptions = {},
): Promise<ChainReport> {
  const events = dataSource.getRepository(AuditEvent);
  const breaks: ChainBreak[] = [];
  const note = (b: ChainBreak) => breaks.length < maxBreaks && breaks.push(b);
  let prevHmac = GENESIS_HMAC;
  let prevId = 0n;
  let expected = 1n;
  let checked = 0;
  let firstChainedId: bigint | null = null;
  for (;;) {
    const batch = await events
      .createQueryBuilder('e')
      .select(FIELDS.map((f) => `e.${f}`))
      .where('e.seq IS NOT NULL AND e.seq >= :from', { from: expected.toString() })
      .orderBy('e.seq', 'ASC')
      .take(batchSize)
      .getMany();
    for (const e of batch) {
      const seq = BigInt(e.seq!);
      const id = BigInt(e.id);
      firstChainedId ??= id;
      const afterGap = seq > expected;
      if (afterGap) note({ seq: expected.toString(), id: e.id, reason: 'MISSING' });
      // After a gap the previous HMAC is gone with the missing event: this link cannot be checked.
      if (!afterGap && chainHmac(key, prevHmac, { ...e, seq: e.seq! }) !== e.hmac) {
        // Honest appenders insert under the head lock, so ids grow with seq: a smaller id means a swap.
        const next = await events.findOne({ select: { id: true }, where: { seq: (seq + 1n).toString() } });
        const swapped = id < prevId || (next !== null && BigInt(next.id) < id);
        note({ seq: e.seq, id: e.id, reason: swapped ? 'REORDERED' : 'EDITED' });
      }
      prevHmac = e.hmac ?? '';
      prevId = id;
      expected = seq + 1n;
      checked += 1;
    }
    if (batch.length < batchSize) break;
  }

  const head = await dataSource.getRepository(AuditChainHead).findOneBy({ id: 1 });
  const headSeq = BigInt(head?.lastSeq ?? '0');
  if (headSeq >= expected) note({ seq: expected.toString(), id: null, reason: 'MISSING' });
  else if (headSeq === expected - 1n && headSeq > 0n && head?.lastHmac !== prevHmac) {
    note({ seq: headSeq.toString(), id: null, reason: 'EDITED' });
  }

  const preChain = await events.createQueryBuilder('e').where('e.seq IS NULL').getCount();
  let unchained: ChainBreak[] = [];
  if (firstChainedId !== null) {
    const rows = await events
      .createQueryBuilder('e')
      .select(['e.id'])
      .where('e.seq IS NULL AND e.id > :first', { first: firstChainedId.toString() })
      .orderBy('e.id', 'ASC')
      .take(maxBreaks)
      .getMany();
    unchained = rows.map((u) => ({ seq: null, id: u.id, reason: 'UNCHAINED' as const }));
  }
  const all = mergeByPosition(breaks, unchained).slice(0, maxBreaks);
  return {
    ok: all.length === 0,
    checked,
    preChain,
    lastSeq: (expected - 1n).toString(),
    lastHmac: checked > 0 ? prevHmac : null,
    breaks: all,
  };
}

/** Chain breaks stay in sequence order; an unchained row goes before the first break that has a later id. */
function mergeByPosition(chain: readonly ChainBreak[], unchained: readonly ChainBreak[]): ChainBreak[] {
  const out = [...chain];
  for (const u of unchained) {
    const at = out.findIndex((b) => b.reason !== 'UNCHAINED' && b.id !== null && BigInt(b.id) > BigInt(u.id!));
    if (at < 0) out.push(u);
    else out.splice(at, 0, u);
  }
  return out;
}
