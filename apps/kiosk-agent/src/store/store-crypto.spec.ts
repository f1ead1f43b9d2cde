import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { deriveStoreKey, open, randomStoreKey, seal } from './store-crypto';

describe('store crypto', () => {
  it('opens what it sealed, only with the same key and context', () => {
    const key = randomStoreKey();
    const sealed = seal(key, Buffer.from('entry'), 'entry:a');
    expect(open(key, sealed, 'entry:a')?.toString()).toBe('entry');
    expect(open(key, sealed, 'entry:b')).toBeUndefined();
    expect(open(randomStoreKey(), sealed, 'entry:a')).toBeUndefined();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(open(key, tampered, 'entry:a')).toBeUndefined();
    expect(open(key, sealed.subarray(0, 10), 'entry:a')).toBeUndefined();
  });

  it('derives the same key from the same password and salt, another from another', async () => {
    const salt = randomBytes(16);
    const a = await deriveStoreKey('密碼 Password', salt);
    expect(a.equals(await deriveStoreKey('密碼 Password', salt))).toBe(true);
    expect(a.equals(await deriveStoreKey('密碼 password', salt))).toBe(false);
    expect(a.equals(await deriveStoreKey('密碼 Password', randomBytes(16)))).toBe(false);
  });
});
