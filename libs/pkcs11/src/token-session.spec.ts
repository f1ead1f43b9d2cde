import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPair, signWithKey, type TokenKeyPair } from './key-pairs';
import { openTestToken, type TestToken } from './testing/softhsm';
import { TokenSession } from './token-session';

describe('TokenSession on SoftHSM', () => {
  let t: TestToken;
  let key: TokenKeyPair;

  beforeAll(async () => {
    t = await openTestToken({ label: 'session-spec' });
  });

  afterAll(async () => {
    await t.dispose();
  });

  it('generates a key pair without blocking the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      key = await generateKeyPair(t.session, { label: 'signing', usage: 'SIGNING' });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
    expect(key.id.byteLength).toBe(20);
  });

  it('serializes concurrent operations on one token: 20 signatures fired at once all succeed', async () => {
    const publicKey = createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' });
    const challenges = Array.from({ length: 20 }, (_, i) => Buffer.from(`challenge ${i}`));
    const second = await TokenSession.open(t.module, { serial: t.serial });
    try {
      const signatures = await Promise.all(
        challenges.map((c, i) => signWithKey(i % 2 ? second : t.session, key.id, c)),
      );
      signatures.forEach((signature, i) => expect(verify('sha256', challenges[i], publicKey, signature)).toBe(true));
    } finally {
      await second.close();
    }
  });

  it('never runs two queued operations on one token at the same time, even after a failure', async () => {
    let running = 0;
    let overlap = false;
    const op = (fail: boolean) => async () => {
      running++;
      overlap ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      if (fail) throw new Error('failed');
      return 'done';
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => t.module.exclusive('k', op(i === 1))));
    expect(overlap).toBe(false);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('reports an operation that needs the PIN as TOKEN_NOT_LOGGED_IN after logout', async () => {
    await t.session.logout();
    await expect(signWithKey(t.session, key.id, Buffer.from('x'))).rejects.toMatchObject({
      code: 'TOKEN_NOT_LOGGED_IN',
    });
    await expect(generateKeyPair(t.session, { label: 'x', usage: 'SIGNING' })).rejects.toMatchObject({
      code: 'TOKEN_NOT_LOGGED_IN',
    });
    await t.session.login(t.pin);
  });

  it('refuses calls on a closed session', async () => {
    const s = await TokenSession.open(t.module, { label: 'session-spec' });
    await s.close();
    await expect(s.run(() => 1)).rejects.toThrow('closed');
  });
});
