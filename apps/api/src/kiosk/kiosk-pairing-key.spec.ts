import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainErrorOf } from '@app/contracts/testing/domain-error';
import { pairingMasterKey } from './kiosk-pairing-key';

describe('pairingMasterKey', () => {
  const key = randomBytes(32);

  it('reads the key from the variable, else from the file', () => {
    expect(Buffer.from(pairingMasterKey({ KIOSK_PAIRING_KEY: key.toString('base64url') })).equals(key)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'pairing-key-')), 'key');
    writeFileSync(file, `${key.toString('base64url')}\n`);
    expect(Buffer.from(pairingMasterKey({ KIOSK_PAIRING_KEY_FILE: file })).equals(key)).toBe(true);
  });

  it.each([{}, { KIOSK_PAIRING_KEY: 'short' }, { KIOSK_PAIRING_KEY_FILE: '/nonexistent/key' }])(
    'says pairing is unavailable without a usable key (%#)',
    (env) => {
      expect(domainErrorOf(() => pairingMasterKey(env)).code).toBe('KIOSK_PAIRING_UNAVAILABLE');
    },
  );
});
