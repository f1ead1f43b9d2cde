import { DomainError } from '@app/contracts';
import { isLoggedIn, Pkcs11Module, rsaSpki, TokenSession } from '@app/pkcs11';
import { KeyType, ObjectClass } from 'graphene-pk11';
import { existsSync, readFileSync } from 'node:fs';
import type { Env } from '../config/env';

export type CaTokenEnv = Pick<
  Env,
  'CA_PKCS11_MODULE' | 'CA_PKCS11_TOKEN_LABEL' | 'CA_PKCS11_PIN' | 'CA_PKCS11_PIN_FILE'
>;

/** A logged-in session on the token that holds the issuing CA key. */
export interface CaToken {
  readonly session: TokenSession;
  /** CKA_LABEL of the token (CA_PKCS11_TOKEN_LABEL). */
  readonly label: string;
  /** Closes the session and releases the module, so that another suite or tool may load it afresh. */
  close(): Promise<void>;
}

/** An RSA private key on the token, as found by its label. */
export interface CaTokenKey {
  readonly id: Uint8Array;
  /** SubjectPublicKeyInfo DER built from the private key's own modulus and exponent. */
  readonly spki: Uint8Array;
}

/** The user PIN of the CA token: from CA_PKCS11_PIN, else from the file CA_PKCS11_PIN_FILE names. */
export function caPkcs11Pin(env: Pick<Env, 'CA_PKCS11_PIN' | 'CA_PKCS11_PIN_FILE'>): string {
  if (env.CA_PKCS11_PIN) return env.CA_PKCS11_PIN;
  if (env.CA_PKCS11_PIN_FILE && existsSync(env.CA_PKCS11_PIN_FILE)) {
    return readFileSync(env.CA_PKCS11_PIN_FILE, 'utf8').trim();
  }
  throw new Error('Set CA_PKCS11_PIN or CA_PKCS11_PIN_FILE to log in to the CA token.');
}

/**
 * Loads CA_PKCS11_MODULE, opens the token labelled CA_PKCS11_TOKEN_LABEL and logs the user in.
 * Failures come out as one Error naming the module, the token and the library's code (never the
 * PIN), because they stop the API at boot and an operator has to act on them.
 */
export async function openCaToken(env: CaTokenEnv): Promise<CaToken> {
  const path = env.CA_PKCS11_MODULE;
  const label = env.CA_PKCS11_TOKEN_LABEL;
  if (!path || !label) throw new Error('Set CA_PKCS11_MODULE and CA_PKCS11_TOKEN_LABEL for CA_KEY_STORE=pkcs11.');
  const pin = caPkcs11Pin(env);
  const where = `CA token "${label}" (module ${path})`;
  let module: Pkcs11Module;
  try {
    module = Pkcs11Module.load(path);
  } catch (e) {
    throw new Error(`${where}: ${codeOf(e)}`, { cause: e });
  }
  let session: TokenSession | undefined;
  try {
    session = await TokenSession.open(module, { label });
    await session.login(pin);
  } catch (e) {
    await session?.close();
    module.release();
    throw new Error(`${where}: ${codeOf(e)}`, { cause: e });
  }
  const opened = session;
  return {
    session: opened,
    label,
    async close() {
      await opened.close();
      module.release();
    },
  };
}

/**
 * Every RSA private key labelled `keyLabel` on the token. libs/pkcs11 addresses keys by CKA_ID; the
 * CA goes by CKA_LABEL instead, the name an operator sees in `pkcs11-tool -O` and the HSM's console.
 */
export function findCaKeys(session: TokenSession, keyLabel: string): Promise<CaTokenKey[]> {
  return session.run((s) => {
    // Private keys are invisible without login: an empty list would wrongly read as "no key".
    if (!isLoggedIn(s)) throw new DomainError('TOKEN_NOT_LOGGED_IN');
    const found = s.find({ class: ObjectClass.PRIVATE_KEY, keyType: KeyType.RSA, label: keyLabel });
    const keys: CaTokenKey[] = [];
    for (let i = 0; i < found.length; i++) {
      const key = found.items(i);
      const { id } = key.getAttribute({ id: null }) as { id: Buffer };
      keys.push({ id: new Uint8Array(id), spki: rsaSpki(key) });
    }
    return keys;
  });
}

function codeOf(e: unknown): string {
  if (e instanceof DomainError) return e.code;
  return e instanceof Error ? e.message : String(e);
}
