/** True when a write failed on a unique key (MariaDB/MySQL ER_DUP_ENTRY, SQLite constraint). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string } | null;
  return e?.code === 'ER_DUP_ENTRY' || e?.errno === 1062 || /UNIQUE constraint failed/.test(e?.message ?? '');
}
