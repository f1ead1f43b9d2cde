import { isoToRocDate, rocToIsoDate } from '@app/domain';
import type { Calendar } from '../calendar/use-calendar';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A typed date in the chosen calendar → ISO `YYYY-MM-DD`; anything unfinished stays as typed. */
export function parseCalendarDate(text: string, calendar: Calendar): string {
  const trimmed = text.trim();
  if (calendar === 'roc') return rocToIsoDate(trimmed) ?? text;
  return ISO_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : text;
}

/** ISO `YYYY-MM-DD` → how the chosen calendar writes it; anything else is shown as it is. */
export function formatCalendarDate(value: unknown, calendar: Calendar): string {
  if (typeof value !== 'string') return '';
  if (!ISO_DATE.test(value)) return value;
  return calendar === 'roc' ? (isoToRocDate(value) ?? value) : value;
}

/**
 * The expiry window in Taipei days → the API's instants: from the start of the first day to the
 * start of the day after the last (both days included). Unfinished dates are left out.
 */
export function expiryWindow(from: unknown, to: unknown): { notAfterFrom?: string; notAfterTo?: string } {
  const start = (day: unknown) =>
    typeof day === 'string' && ISO_DATE.test(day) ? Date.parse(`${day}T00:00:00+08:00`) : Number.NaN;
  const window: { notAfterFrom?: string; notAfterTo?: string } = {};
  if (!Number.isNaN(start(from))) window.notAfterFrom = new Date(start(from)).toISOString();
  if (!Number.isNaN(start(to))) window.notAfterTo = new Date(start(to) + DAY_MS).toISOString();
  return window;
}
