import { caIssuer, readCertificate, type CaIssuer, type CertificateInfo, type SigningKey } from '@app/pki';
import { createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Env } from '../config/env';
import { caFiles } from './ca-files';
import { findCaKeys, openCaToken, type CaToken } from './ca-token';
import { pkcs11SigningKey } from './pkcs11-signing-key';

export interface LoadedCa {
  readonly issuer: CaIssuer;
  readonly root: CertificateInfo;
  /** Lets go of the key store: closes the token session of a `pkcs11` CA (nothing to do for `file`). */
  close(): Promise<void>;
}

/** The passphrase of the CA key: from CA_KEY_PASSPHRASE, else from the file CA_KEY_PASSPHRASE_FILE names. */
export function caPassphrase(env: Pick<Env, 'CA_KEY_PASSPHRASE' | 'CA_KEY_PASSPHRASE_FILE'>): string {
  if (env.CA_KEY_PASSPHRASE) return env.CA_KEY_PASSPHRASE;
  if (env.CA_KEY_PASSPHRASE_FILE && existsSync(env.CA_KEY_PASSPHRASE_FILE)) {
    return readFileSync(env.CA_KEY_PASSPHRASE_FILE, 'utf8').trim();
  }
  throw new Error('Set CA_KEY_PASSPHRASE or CA_KEY_PASSPHRASE_FILE to unlock the CA key.');
}

/** An encrypted PKCS#8 PEM RSA key as a non-extractable signing CryptoKey (RSASSA-PKCS1-v1_5, SHA-256). */
export async function decryptSigningKey(pem: string, passphrase: string): Promise<SigningKey> {
  const pkcs8 = createPrivateKey({ key: pem, passphrase }).export({ type: 'pkcs8', format: 'der' });
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return { privateKey: await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']) };
}

/**
 * Reads the issuing CA certificate and opens its key once: a `file` key is decrypted into a
 * non-extractable CryptoKey (re-parsing the key per signature would be several times slower); a
 * `pkcs11` key is found on the token by CKA_LABEL and must be the certificate's, else the API does
 * not start. Returns null when the CA has not been initialised yet.
 */
export async function loadCa(env: Env): Promise<LoadedCa | null> {
  const files = caFiles(env.CA_DIR);
  if (!existsSync(files.issuingCertificate)) return null;
  if (env.CA_KEY_STORE === 'file' && !existsSync(files.issuingKey)) return null;
  const certificate = readFileSync(files.issuingCertificate, 'utf8');
  const root = readCertificate(readFileSync(files.rootCertificate, 'utf8'));
  if (env.CA_KEY_STORE === 'file') {
    const key = await decryptSigningKey(readFileSync(files.issuingKey, 'utf8'), caPassphrase(env));
    return { issuer: caIssuer(certificate, key), root, close: () => Promise.resolve() };
  }
  const token = await openCaToken(env);
  try {
    const issuer = caIssuer(
      certificate,
      await tokenKeyOf(token, env.CA_PKCS11_KEY_LABEL, certificate, files.issuingCertificate),
    );
    return { issuer, root, close: () => token.close() };
  } catch (e) {
    await token.close();
    throw e;
  }
}

/** The token key labelled `keyLabel`, checked to be the one `certificate` certifies. */
async function tokenKeyOf(
  token: CaToken,
  keyLabel: string,
  certificate: string,
  certificatePath: string,
): Promise<SigningKey> {
  const keys = await findCaKeys(token.session, keyLabel);
  const where = `token "${token.label}"`;
  if (keys.length === 0) {
    throw new Error(`No RSA private key labelled "${keyLabel}" on ${where}: check CA_PKCS11_KEY_LABEL.`);
  }
  if (keys.length > 1) {
    throw new Error(`${keys.length} private keys labelled "${keyLabel}" on ${where}: the CA key must be unique.`);
  }
  if (!spkiKey(readCertificate(certificate).publicKey).equals(spkiKey(keys[0].spki))) {
    throw new Error(
      `The key labelled "${keyLabel}" on ${where} is not the key of ${certificatePath}: ` +
        'the certificate and the token belong to different CAs.',
    );
  }
  return pkcs11SigningKey(token.session, keys[0].id);
}

function spkiKey(spki: Uint8Array) {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}
