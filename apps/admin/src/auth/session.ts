import type { StaffUser } from '../data/api-types';

/** What a sign-in leaves in this browser tab: the token and who it belongs to. */
export interface Session {
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly staff: StaffUser;
}

// sessionStorage, not localStorage: the token dies with the tab, which matters on a shared counter PC.
const KEY = 'branch-ra.session';

/** The current session, or null when there is none or it has expired. */
export function readSession(now: Date = new Date()): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  try {
    const session = JSON.parse(stored) as Session;
    if (!session.accessToken || !(new Date(session.expiresAt) > now)) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
