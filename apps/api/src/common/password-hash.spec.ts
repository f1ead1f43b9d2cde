import { describe, expect, it } from '@jest/globals';
import { hashSecret, verifySecret } from './password-hash';

const CHEAP = { logN: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right secret and refuses any other, with a fresh salt each time', async () => {
    const a = await hashSecret('Teller01!demo', CHEAP);
    const b = await hashSecret('Teller01!demo', CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('Teller01');
    await expect(verifySecret('Teller01!demo', a)).resolves.toBe(true);
    await expect(verifySecret('teller01!demo', a)).resolves.toBe(false);
    await expect(verifySecret('', a)).resolves.toBe(false);
  });

  it('treats the same text in composed and decomposed Unicode as one password', async () => {
    const hash = await hashSecret('密碼é2026', CHEAP);
    await expect(verifySecret('密碼e\u03012026', hash)).resolves.toBe(true);
  });

  it('refuses malformed or over-expensive stored hashes instead of throwing', async () => {
    await expect(verifySecret('x', 'plain-text')).resolves.toBe(false);
    await expect(verifySecret('x', 'scrypt$30$8$1$c2FsdA==$aGFzaA==')).resolves.toBe(false);
    await expect(verifySecret('x', 'bcrypt$10$8$1$c2FsdA==$aGFzaA==')).resolves.toBe(false);
  });
});
