import { caIssuer, readCertificate, type CaIssuer, type CertificateInfo, type SigningKey } from '@app/pki';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Env } from '../config/env';
import { caFiles } from './ca-files';

export interface LoadedCa {
  readonly issuer: CaIssuer;
  readonly root: CertificateInfo;
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
 * Reads the issuing CA certificate and decrypts its key once, into a non-extractable CryptoKey
 * (re-parsing the key per signature would be several times slower). Returns null when the CA has
 * not been initialised yet.
 */
export async function loadCa(env: Env): Promise<LoadedCa | null> {
  const files = caFiles(env.CA_DIR);
  if (!existsSync(files.issuingCertificate) || !existsSync(files.issuingKey)) return null;
  const key = await decryptSigningKey(readFileSync(files.issuingKey, 'utf8'), caPassphrase(env));
  return {
    issuer: caIssuer(readFileSync(files.issuingCertificate, 'utf8'), key),
    root: readCertificate(readFileSync(files.rootCertificate, 'utf8')),
  };
}
