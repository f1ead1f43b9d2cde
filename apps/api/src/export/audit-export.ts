import type { Locale } from '@app/contracts';
import type { DataSource } from 'typeorm';
import type { AuditEvent } from '../audit/audit-event.entity';
import { StaffUser } from '../staff/staff-user.entity';
import type { CsvValue } from './csv';

export const AUDIT_HEADER: Record<Locale, readonly string[]> = {
  'zh-TW': [
    '鏈序號',
    '編號',
    '時間',
    '操作者類型',
    '操作者帳號',
    '角色',
    '分行代號',
    '資訊站',
    '動作',
    '對象類型',
    '對象編號',
    '變更前',
    '變更後',
    '請求編號',
    '來源位址',
  ],
  en: [
    'Chain seq',
    'Id',
    'Time',
    'Actor type',
    'Actor',
    'Role',
    'Branch',
    'Kiosk',
    'Action',
    'Target type',
    'Target id',
    'Before',
    'After',
    'Request id',
    'Client address',
  ],
};

/** Usernames of the actors, looked up once per member of staff for the whole export. */
export function actorNames(dataSource: DataSource): (id: string | null) => Promise<string | null> {
  const cache = new Map<string, string | null>();
  return async (id) => {
    if (!id) return null;
    if (!cache.has(id)) {
      const staff = await dataSource.getRepository(StaffUser).findOne({ select: { username: true }, where: { id } });
      cache.set(id, staff?.username ?? null);
    }
    return cache.get(id) ?? null;
  };
}

export async function* withActorNames(
  events: AsyncIterable<AuditEvent>,
  nameOf: (id: string | null) => Promise<string | null>,
): AsyncGenerator<{ event: AuditEvent; actor: string | null }> {
  for await (const event of events) {
    yield { event, actor: event.actorType === 'STAFF' ? await nameOf(event.actorId) : event.actorId };
  }
}

export function auditLine({ event: e, actor }: { event: AuditEvent; actor: string | null }): readonly CsvValue[] {
  return [
    e.seq,
    e.id,
    e.occurredAt,
    e.actorType,
    actor,
    e.actorRole,
    e.branchCode,
    e.kioskId,
    e.action,
    e.targetType,
    e.targetId,
    e.before ? JSON.stringify(e.before) : null,
    e.after ? JSON.stringify(e.after) : null,
    e.requestId,
    e.clientIp,
  ];
}
