import { useGetOne } from 'react-admin';
import type { DashboardRecord } from '../reports/report.provider';

/** How often open dashboards read the figures again, besides on focus and after any change. */
export const DASHBOARD_POLL_MS = 30_000;

/**
 * The figures of one scope, live enough: read again on mount, when the window regains focus, every
 * 30 seconds, and whenever a mutation elsewhere in the console refreshes react-admin's queries.
 */
export function useDashboard(scope: string) {
  return useGetOne<DashboardRecord>(
    'dashboard',
    { id: scope },
    {
      refetchOnMount: 'always',
      refetchOnWindowFocus: 'always',
      refetchInterval: DASHBOARD_POLL_MS,
      staleTime: 0,
    },
  );
}
