import { caIssuer, createCaCertificate, toPem } from '@app/pki';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { caFiles } from './ca-files';
import { decryptSigningKey } from './ca-keystore';

const DAY = 24 * 3600 * 1000;

export interface CaHierarchyInput {
  readonly dir: string;
  readonly passphrase: string;
  /** e.g. `Taiwan Cooperative Bank`: the O of both CA names. */
  readonly organization: string;
  readonly now?: Date;
}

function rsaKeyPair(passphrase: string) {
  return generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
}

/**
 * Creates the two-level hierarchy of a first run: a root CA (20 years) and the issuing "FXML CA"
 * (10 years, path length 0) with RSA-3072 keys, each key written as encrypted PKCS#8. Refuses to
 * overwrite an existing hierarchy.
 */
export async function createCaHierarchy(
  input: CaHierarchyInput,
): Promise<{ rootSerial: string; issuingSerial: string }> {
  const files = caFiles(input.dir);
  if (existsSync(files.issuingKey)) throw new Error(`a CA already exists in ${input.dir}`);
  mkdirSync(input.dir, { recursive: true, mode: 0o700 });
  const now = (input.now ?? new Date()).getTime();
  const rootKeys = rsaKeyPair(input.passphrase);
  const issuingKeys = rsaKeyPair(input.passphrase);

  const rootDer = await createCaCertificate({
    subject: [
      { type: 'C', value: 'TW' },
      { type: 'O', value: input.organization },
      { type: 'CN', value: `${input.organization} Root CA` },
    ],
    publicKey: new Uint8Array(rootKeys.publicKey),
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 20 * 365 * DAY),
    signedBy: { selfSigned: await decryptSigningKey(rootKeys.privateKey, input.passphrase) },
  });
  const root = caIssuer(rootDer, await decryptSigningKey(rootKeys.privateKey, input.passphrase));
  const issuingDer = await createCaCertificate({
    subject: [
      { type: 'C', value: 'TW' },
      { type: 'O', value: input.organization },
      { type: 'CN', value: 'FXML CA' },
    ],
    publicKey: new Uint8Array(issuingKeys.publicKey),
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 10 * 365 * DAY),
    profile: { pathLen: 0 },
    signedBy: root,
  });

  writeFileSync(files.rootKey, rootKeys.privateKey, { mode: 0o600 });
  writeFileSync(files.issuingKey, issuingKeys.privateKey, { mode: 0o600 });
  writeFileSync(files.rootCertificate, toPem(rootDer, 'CERTIFICATE'));
  writeFileSync(files.issuingCertificate, toPem(issuingDer, 'CERTIFICATE'));
  return { rootSerial: root.certificate.serial, issuingSerial: caIssuer(issuingDer, root.key).certificate.serial };
}
