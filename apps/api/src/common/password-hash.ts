import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scryptAsync(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** Staff passwords: 2^15 × 8 (32 MiB, ~100 ms here). Application passwords use a higher cost. */
export const STAFF_PASSWORD_COST: ScryptCost = { logN: 15, r: 8, p: 1 };

/**
 * One-time application passwords: 2^17 × 8 (128 MiB, ~0.4 s here). They are shorter than a staff
 * password and a stolen table must not give them up before they expire.
 */
export const APPLICATION_PASSWORD_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

const KEY_LENGTH = 32;

/** `scrypt$logN$r$p$saltB64$hashB64`: the cost travels with the hash so it can be raised later. */
export async function hashSecret(secret: string, cost: ScryptCost = STAFF_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of `secret` against a stored hash; false for any malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (![logN, r, p].every(Number.isInteger) || logN > 20) return false;
  const expected = Buffer.from(parts[5], 'base64');
  const key = await derive(secret, Buffer.from(parts[4], 'base64'), { logN, r, p }, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

function derive(secret: string, salt: Buffer, cost: ScryptCost, keylen = KEY_LENGTH): Promise<Buffer> {
  const N = 2 ** cost.logN;
  return scryptAsync(secret.normalize('NFC'), salt, keylen, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r });
}

/** A hash of a random secret: verifying against it costs the same as a real check (no user-exists oracle). */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(cost: ScryptCost = STAFF_PASSWORD_COST): Promise<string> {
  const key = `${cost.logN}$${cost.r}$${cost.p}`;
  let decoy = decoys.get(key);
  if (!decoy) {
    decoy = hashSecret(randomBytes(16).toString('hex'), cost);
    decoys.set(key, decoy);
  }
  return decoy;
}
