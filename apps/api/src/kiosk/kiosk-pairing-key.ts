import { existsSync, readFileSync } from 'node:fs';
import { DomainError } from '@app/contracts';
import { decodeKioskKey } from '@app/domain';
import type { Env } from '../config/env';

/**
 * The pairing master key: KIOSK_PAIRING_KEY, else the file KIOSK_PAIRING_KEY_FILE names. Read once;
 * it lives in process memory and config only, never in the database. Throws DomainError
 * KIOSK_PAIRING_UNAVAILABLE when neither gives a 32-byte base64url key.
 */
export function pairingMasterKey(env: Pick<Env, 'KIOSK_PAIRING_KEY' | 'KIOSK_PAIRING_KEY_FILE'>): Uint8Array {
  let text = env.KIOSK_PAIRING_KEY;
  if (!text && env.KIOSK_PAIRING_KEY_FILE && existsSync(env.KIOSK_PAIRING_KEY_FILE)) {
    text = readFileSync(env.KIOSK_PAIRING_KEY_FILE, 'utf8');
  }
  const key = text ? decodeKioskKey(text) : undefined;
  if (!key) throw new DomainError('KIOSK_PAIRING_UNAVAILABLE');
  return key;
}
