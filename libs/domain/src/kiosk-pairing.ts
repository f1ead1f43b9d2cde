import { DomainError } from '@app/contracts';

/**
 * Pairing between the API and a kiosk agent. The API holds one master key; each kiosk's agent holds
 * `kioskKey = HMAC-SHA256(master, label ‖ kioskCode)` in its config file, so a leaked agent config
 * exposes one kiosk only and the API needs no per-kiosk secret in its database. For each customer
 * session the API mints a short-lived token naming the kiosk, the session, the page origin and an
 * expiry, authenticated with that kiosk's key; the agent checks it locally, without calling the API.
 *
 * WebCrypto only (`globalThis.crypto.subtle`): the console bundles this library too.
 */

/** What a pairing token says. */
export interface PairingClaims {
  readonly kioskCode: string;
  /** The customer session the agent binds everything it holds to. */
  readonly sessionId: string;
  /** The only page origin that may present the token, e.g. `https://ra.bank.com.tw`. */
  readonly origin: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export interface VerifyPairingInput {
  /** The agent's own kiosk code: a token for another kiosk is refused. */
  readonly kioskCode: string;
  /** The request's `Origin` header: must equal the token's origin. */
  readonly origin: string;
  /** Now, in seconds since the epoch. */
  readonly now: number;
  /** Tolerated clock difference between API and kiosk, in seconds (default 60). */
  readonly skewSeconds?: number;
}

const KEY_LABEL = 'branch-ra kiosk-agent key v1';
const TOKEN_PREFIX = 'kp1';
/** Length of the master key and of derived kiosk keys in bytes. */
export const KIOSK_KEY_BYTES = 32;
const MAX_TOKEN_LENGTH = 2048;

/** The agent key of `kioskCode` under `masterKey`: HMAC-SHA256(master, label ‖ 0x00 ‖ kioskCode). */
export async function deriveKioskKey(masterKey: Uint8Array, kioskCode: string): Promise<Uint8Array> {
  if (masterKey.byteLength < KIOSK_KEY_BYTES) throw new RangeError(`master key must be ≥ ${KIOSK_KEY_BYTES} bytes`);
  const key = await hmacKey(masterKey, ['sign']);
  const data = utf8(`${KEY_LABEL}\u0000${kioskCode}`);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
}

/**
 * A pairing token: `kp1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(kioskKey, "kp1." ‖ claims))>`.
 * The claims are readable (they hold no secret); only the kiosk key can make the MAC.
 */
export async function mintPairingToken(kioskKey: Uint8Array, claims: PairingClaims): Promise<string> {
  const body = base64url(
    utf8(
      JSON.stringify({
        k: claims.kioskCode,
        s: claims.sessionId,
        o: claims.origin,
        i: claims.issuedAt,
        e: claims.expiresAt,
      }),
    ),
  );
  const signed = `${TOKEN_PREFIX}.${body}`;
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(kioskKey, ['sign']), utf8(signed));
  return `${signed}.${base64url(new Uint8Array(mac))}`;
}

/**
 * Checks a pairing token with the agent's kiosk key: MAC (WebCrypto's HMAC verify compares in
 * constant time), kiosk code, origin, expiry. Throws DomainError AGENT_PAIRING_INVALID for a token
 * that is malformed, forged, for another kiosk or presented by another origin, and
 * AGENT_PAIRING_EXPIRED once it has expired. Returns the claims.
 */
export async function verifyPairingToken(
  kioskKey: Uint8Array,
  token: string,
  input: VerifyPairingInput,
): Promise<PairingClaims> {
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) throw invalid('format');
  const mac = fromBase64url(parts[2]);
  if (!mac) throw invalid('format');
  const key = await hmacKey(kioskKey, ['verify']);
  if (!(await crypto.subtle.verify('HMAC', key, mac, utf8(`${parts[0]}.${parts[1]}`)))) throw invalid('mac');

  const claims = readClaims(parts[1]);
  if (!claims) throw invalid('format');
  if (claims.kioskCode !== input.kioskCode) throw invalid('kiosk');
  if (claims.origin !== input.origin) throw invalid('origin');
  const skew = input.skewSeconds ?? 60;
  if (claims.issuedAt > input.now + skew) throw invalid('issuedAt');
  if (claims.expiresAt <= input.now - skew) throw new DomainError('AGENT_PAIRING_EXPIRED');
  return claims;
}

/** Encodes a key for a config file: base64url without padding. */
export function encodeKioskKey(key: Uint8Array): string {
  return base64url(key);
}

/**
 * Reads a key written by {@link encodeKioskKey} (trailing `=` padding, as `basenc --base64url`
 * writes it, is accepted); `undefined` when it is not one of the right length.
 */
export function decodeKioskKey(text: string): Uint8Array | undefined {
  const key = fromBase64url(text.trim().replace(/={1,2}$/, ''));
  return key && key.byteLength === KIOSK_KEY_BYTES ? key : undefined;
}

function readClaims(body: string): PairingClaims | undefined {
  const bytes = fromBase64url(body);
  if (!bytes) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { k, s, o, i, e } = raw as Record<string, unknown>;
  const texts = [k, s, o].every((v) => typeof v === 'string' && v.length > 0);
  const times = [i, e].every((v) => typeof v === 'number' && Number.isSafeInteger(v));
  if (!texts || !times) return undefined;
  return {
    kioskCode: k as string,
    sessionId: s as string,
    origin: o as string,
    issuedAt: i as number,
    expiresAt: e as number,
  };
}

function invalid(reason: string): DomainError {
  return new DomainError('AGENT_PAIRING_INVALID', { reason });
}

function hmacKey(raw: Uint8Array, usages: ('sign' | 'verify')[]): ReturnType<typeof crypto.subtle.importKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'HMAC', hash: 'SHA-256' }, false, usages);
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => ALPHABET[(n >> shift) & 63]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of text) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  // Non-canonical trailing bits would let two strings decode to the same MAC.
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
