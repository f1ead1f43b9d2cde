import type { TokenEmulator } from '@app/pkcs11/testing/token-emulator';
import type { OpenSsl } from './openssl';

/** The CKA_IDs of each object class on a token, each sorted. */
export interface TokenObjectIds {
  readonly certificate: string[];
  readonly privateKey: string[];
  readonly publicKey: string[];
}

const CLASSES = { Certificate: 'certificate', 'Private Key': 'privateKey', 'Public Key': 'publicKey' } as const;

/** `pkcs11-tool -O` of the emulated token labelled `label`, logged in with `pin`: the judge of what is on it. */
export function listTokenObjects(emulator: TokenEmulator, label: string, pin: string): string {
  return emulator.pkcs11Tool(['--token-label', label, '--login', '--pin', pin, '-O']);
}

/**
 * The CKA_IDs in `pkcs11-tool -O` output. CA certificates of the chain have no CKA_ID (they belong
 * to no key pair), so only the customer's certificates count.
 */
export function objectIds(listing: string): TokenObjectIds {
  const ids: TokenObjectIds = { certificate: [], privateKey: [], publicKey: [] };
  for (const block of listing.split(/\n(?=\S)/)) {
    const kind = /^(Certificate|Private Key|Public Key) Object/.exec(block)?.[1] as keyof typeof CLASSES | undefined;
    const id = /^\s*ID:\s*([0-9a-f]+)/m.exec(block)?.[1];
    if (kind && id) ids[CLASSES[kind]].push(id);
  }
  for (const list of Object.values(ids)) list.sort();
  return ids;
}

/** The CKA_IDs on the emulated token labelled `label`, logged in with `pin`. */
export function tokenObjectIds(emulator: TokenEmulator, label: string, pin: string): TokenObjectIds {
  return objectIds(listTokenObjects(emulator, label, pin));
}

/**
 * Reads the certificate with CKA_ID `id` back from the token labelled `label` into `ssl`'s folder as
 * `<id>.pem` and returns that file's name: OpenSSL then judges what a relying party will be shown,
 * not what the API kept.
 */
export function certificateFromToken(emulator: TokenEmulator, label: string, id: string, ssl: OpenSsl): string {
  emulator.pkcs11Tool([
    '--token-label',
    label,
    '--read-object',
    '--type',
    'cert',
    '--id',
    id,
    '--output-file',
    ssl.path(`${id}.der`),
  ]);
  ssl.run('x509', '-inform', 'DER', '-in', `${id}.der`, '-out', `${id}.pem`);
  return `${id}.pem`;
}
