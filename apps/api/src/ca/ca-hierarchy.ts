import { generateKeyPair, type TokenSession } from '@app/pkcs11';
import { caIssuer, createCaCertificate, readCertificate, toPem } from '@app/pki';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { caFiles } from './ca-files';
import { decryptSigningKey } from './ca-keystore';
import { findCaKeys } from './ca-token';

const DAY = 24 * 3600 * 1000;

export interface CaHierarchyInput {
  readonly dir: string;
  readonly passphrase: string;
  /** e.g. `Taiwan Cooperative Bank`: the O of both CA names. */
  readonly organization: string;
  readonly now?: Date;
  /** Generate the issuing key on this logged-in token, labelled `keyLabel`, instead of into a file. */
  readonly issuingToken?: { readonly session: TokenSession; readonly keyLabel: string };
}

const KEY_BITS = 3072;

function rsaKeyPair(passphrase: string) {
  return generateKeyPairSync('rsa', {
    modulusLength: KEY_BITS,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
}

/** The issuing key pair: its SPKI DER, and its encrypted PKCS#8 PEM unless it was made on the token. */
async function issuingKeyPair(input: CaHierarchyInput): Promise<{ spki: Uint8Array; pem?: string }> {
  const token = input.issuingToken;
  if (!token) {
    const keys = rsaKeyPair(input.passphrase);
    return { spki: new Uint8Array(keys.publicKey), pem: keys.privateKey };
  }
  const pair = await generateKeyPair(token.session, { label: token.keyLabel, usage: 'SIGNING', modulusBits: KEY_BITS });
  return { spki: pair.spki };
}

/**
 * Creates the two-level hierarchy of a first run: a root CA (20 years) and the issuing "FXML CA"
 * (10 years, path length 0) with RSA-3072 keys. The root key is written as encrypted PKCS#8; the
 * issuing key too, or with `issuingToken` generated on the token (sensitive, never extractable) so
 * that only its certificate is written. Refuses to overwrite an existing hierarchy, or to add a
 * second key of the same label to the token (the API could not tell which one is the CA's).
 */
export async function createCaHierarchy(
  input: CaHierarchyInput,
): Promise<{ rootSerial: string; issuingSerial: string }> {
  const files = caFiles(input.dir);
  if (existsSync(files.issuingKey) || existsSync(files.issuingCertificate)) {
    throw new Error(`a CA already exists in ${input.dir}`);
  }
  const token = input.issuingToken;
  if (token && (await findCaKeys(token.session, token.keyLabel)).length > 0) {
    throw new Error(`the token already holds a key labelled "${token.keyLabel}"`);
  }
  mkdirSync(input.dir, { recursive: true, mode: 0o700 });
  const now = (input.now ?? new Date()).getTime();
  const rootKeys = rsaKeyPair(input.passphrase);
  const issuingKeys = await issuingKeyPair(input);

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
    publicKey: issuingKeys.spki,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 10 * 365 * DAY),
    profile: { pathLen: 0 },
    signedBy: root,
  });

  writeFileSync(files.rootKey, rootKeys.privateKey, { mode: 0o600 });
  if (issuingKeys.pem) writeFileSync(files.issuingKey, issuingKeys.pem, { mode: 0o600 });
  writeFileSync(files.rootCertificate, toPem(rootDer, 'CERTIFICATE'));
  writeFileSync(files.issuingCertificate, toPem(issuingDer, 'CERTIFICATE'));
  return { rootSerial: root.certificate.serial, issuingSerial: readCertificate(issuingDer).serial };
}
