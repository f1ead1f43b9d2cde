import { describe, expect, it } from '@jest/globals';
import { backupPasswordRefusal } from './backup-password';

describe('backupPasswordRefusal', () => {
  it('takes 8 or more characters with letters and digits', () => {
    expect(backupPasswordRefusal('backup2026')).toBeNull();
    expect(backupPasswordRefusal('a1b2c3d4')).toBeNull();
  });

  it('refuses short, letter-only and digit-only passwords with PKCS12_PASSWORD_WEAK and the minimum', () => {
    for (const weak of ['a1b2c3d', 'abcdefghij', '1234567890', ''])
      expect(backupPasswordRefusal(weak)).toMatchObject({ code: 'PKCS12_PASSWORD_WEAK', params: { min: 8 } });
  });
});
