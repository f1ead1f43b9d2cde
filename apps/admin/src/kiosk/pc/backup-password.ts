import { KioskError } from '../kiosk-error';

/** As for staff passwords: long enough and mixed, since the file may travel on a USB stick. */
export const BACKUP_PASSWORD_MIN_LENGTH = 8;

/** PKCS12_PASSWORD_WEAK unless the backup-file password has the length and both letters and digits. */
export function backupPasswordRefusal(password: string): KioskError | null {
  const strong = password.length >= BACKUP_PASSWORD_MIN_LENGTH && /[A-Za-z]/.test(password) && /[0-9]/.test(password);
  return strong
    ? null
    : new KioskError('PKCS12_PASSWORD_WEAK', 'backup password too weak', { min: BACKUP_PASSWORD_MIN_LENGTH });
}
