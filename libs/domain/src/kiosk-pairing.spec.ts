import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/contracts';
import {
  decodeKioskKey,
  deriveKioskKey,
  encodeKioskKey,
  mintPairingToken,
  type PairingClaims,
  verifyPairingToken,
} from './kiosk-pairing';

const master = new Uint8Array(randomBytes(32));
const claims: PairingClaims = {
  kioskCode: 'K0060000-01',
  sessionId: 'session-1',
  origin: 'https://ra.bank.test',
  issuedAt: 1_000_000,
  expiresAt: 1_000_900,
};
const check = { kioskCode: claims.kioskCode, origin: claims.origin, now: 1_000_100 };

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('kiosk pairing', () => {
  it('derives the kiosk key as HMAC-SHA256 of the master key over the labelled kiosk code', async () => {
    const key = await deriveKioskKey(master, 'K0060000-01');
    const expected = createHmac('sha256', master).update('branch-ra kiosk-agent key v1\u0000K0060000-01').digest();
    expect(Buffer.from(key).equals(expected)).toBe(true);
    expect(Buffer.from(await deriveKioskKey(master, 'K0060000-02')).equals(expected)).toBe(false);
  });

  it('refuses a short master key', async () => {
    await expect(deriveKioskKey(new Uint8Array(16), 'K')).rejects.toThrow(RangeError);
  });

  it('accepts its own token and returns the claims', async () => {
    const key = await deriveKioskKey(master, claims.kioskCode);
    const token = await mintPairingToken(key, claims);
    await expect(verifyPairingToken(key, token, check)).resolves.toEqual(claims);
  });

  it.each([
    ['another kiosk', { kioskCode: 'K0060000-02' }, 'kiosk'],
    ['another origin', { origin: 'http://evil.test' }, 'origin'],
  ])('refuses a token presented by %s', async (_name, change, reason) => {
    const key = await deriveKioskKey(master, claims.kioskCode);
    const token = await mintPairingToken(key, claims);
    const error = await failure(verifyPairingToken(key, token, { ...check, ...change }));
    expect(error.code).toBe('AGENT_PAIRING_INVALID');
    expect(error.details).toEqual({ reason });
  });

  it('refuses a token made with another kiosk key', async () => {
    const other = await deriveKioskKey(master, 'K0060000-02');
    const token = await mintPairingToken(other, claims);
    const key = await deriveKioskKey(master, claims.kioskCode);
    expect((await failure(verifyPairingToken(key, token, check))).details).toEqual({ reason: 'mac' });
  });

  it('refuses a token whose claims were edited', async () => {
    const key = await deriveKioskKey(master, claims.kioskCode);
    const [prefix, , mac] = (await mintPairingToken(key, claims)).split('.');
    const forged = Buffer.from(JSON.stringify({ k: claims.kioskCode, s: 'other', o: claims.origin, i: 1, e: 9e9 }));
    const token = `${prefix}.${forged.toString('base64url')}.${mac}`;
    expect((await failure(verifyPairingToken(key, token, check))).code).toBe('AGENT_PAIRING_INVALID');
  });

  it('says expired once the expiry (plus the allowed skew) has passed', async () => {
    const key = await deriveKioskKey(master, claims.kioskCode);
    const token = await mintPairingToken(key, claims);
    await expect(verifyPairingToken(key, token, { ...check, now: claims.expiresAt + 59 })).resolves.toBeDefined();
    const error = await failure(verifyPairingToken(key, token, { ...check, now: claims.expiresAt + 60 }));
    expect(error.code).toBe('AGENT_PAIRING_EXPIRED');
  });

  it('refuses a token issued in the future', async () => {
    const key = await deriveKioskKey(master, claims.kioskCode);
    const token = await mintPairingToken(key, { ...claims, issuedAt: check.now + 3600, expiresAt: check.now + 7200 });
    expect((await failure(verifyPairingToken(key, token, check))).details).toEqual({ reason: 'issuedAt' });
  });

  it.each(['', 'kp1', 'kp1.a.b', 'kp2.e30.AAAA', 'kp1.e30.A', `kp1.${'a'.repeat(3000)}.b`])(
    'refuses the malformed token %#',
    async (token) => {
      const key = await deriveKioskKey(master, claims.kioskCode);
      expect((await failure(verifyPairingToken(key, token, check))).code).toBe('AGENT_PAIRING_INVALID');
    },
  );

  it('encodes keys as base64url and reads back only keys of the right length', () => {
    const key = new Uint8Array(randomBytes(32));
    const text = encodeKioskKey(key);
    expect(text).toBe(Buffer.from(key).toString('base64url'));
    expect(decodeKioskKey(text)).toEqual(key);
    expect(decodeKioskKey(`${text}=\n`)).toEqual(key);
    expect(decodeKioskKey(Buffer.from(randomBytes(16)).toString('base64url'))).toBeUndefined();
    expect(decodeKioskKey('not base64!')).toBeUndefined();
  });
});
