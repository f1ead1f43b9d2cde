const TAIPEI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The Taipei calendar day an instant falls on, as ISO `YYYY-MM-DD`. */
export function taipeiDay(at: Date): string {
  return new Date(at.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * `[start, end)` of a Taipei calendar day in instants: a branch's day runs from its midnight, which is
 * 16:00 UTC the day before. Counting by UTC days would put the first eight hours in the wrong day.
 */
export function taipeiDayBounds(isoDay: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${isoDay}T00:00:00+08:00`));
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** `isoDay` plus `days` calendar days. */
export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
