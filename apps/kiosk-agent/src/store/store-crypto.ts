import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * Encryption at rest of the computer's certificate store: AES-256-GCM per entry, the entry id bound
 * in as additional data so files cannot be swapped. The key never touches the disk: in personal
 * mode it comes from scrypt of the store password (N 2^15, r 8, p 1: about 100 ms and 32 MiB, slow
 * enough for offline guessing, quick enough for a person); in kiosk mode it is random and lives in
 * memory for one customer session, so the files are unreadable once the session is gone even if
 * the wipe did not finish.
 */
export const STORE_KEY_BYTES = 32;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function deriveStoreKey(password: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, STORE_KEY_BYTES, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export function randomStoreKey(): Buffer {
  return randomBytes(STORE_KEY_BYTES);
}

/** `iv ‖ tag ‖ ciphertext`. */
export function seal(key: Buffer, plain: Uint8Array, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or `undefined` when the key or the context is wrong or the bytes were changed. */
export function open(key: Buffer, sealed: Buffer, context: string): Buffer | undefined {
  if (sealed.byteLength < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
