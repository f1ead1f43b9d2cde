import type { StorageMedium } from '@app/contracts';
import { KioskError } from '../kiosk-error';
import type { OpenedApplication } from '../kiosk-queries';
import type { Medium } from './medium';

/**
 * Refuses an application registered for the other kind of medium before any key is made: keys on a
 * token for a PC application (or the reverse) would be turned down by the API only after the work.
 */
export function mediumRefusal(
  opened: OpenedApplication,
  kind: Medium['kind'],
  nameOf: (medium: StorageMedium) => string,
): KioskError | null {
  const forStore = opened.application.medium === 'PC';
  if (forStore === (kind === 'store')) return null;
  return new KioskError('APPLICATION_MEDIUM_OTHER', 'the application is for another medium', {
    medium: nameOf(opened.application.medium),
  });
}
