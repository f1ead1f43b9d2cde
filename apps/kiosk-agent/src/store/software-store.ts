import { randomBytes, createPublicKey, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AgentMode, type CertificateUsage, DomainError, type GeneratedKey } from '@app/contracts';
import { type DnAttribute } from '@app/domain';
import { buildPkcs12, createCsr, nodeSubtle, parsePkcs12, readCertificate, toPem } from '@app/pki';
import { deriveStoreKey, open, randomStoreKey, seal } from './store-crypto';

/** One key pair of the computer's store, with its certificate once issued. */
export interface StoreEntry {
  readonly id: string;
  readonly label: string;
  readonly usage?: CertificateUsage;
  readonly privateKeyPkcs8: Uint8Array;
  readonly certificate?: Uint8Array;
  readonly chain: readonly Uint8Array[];
  readonly createdAt: string;
}

interface StoredEntry {
  id: string;
  label: string;
  usage?: CertificateUsage;
  key: string;
  certificate?: string;
  chain: string[];
  createdAt: string;
}

const META_FILE = 'store.json';
const META_CHECK = 'branch-ra computer store v1';
const ENTRY_SUFFIX = '.entry';
const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/**
 * The "PC" medium: the customer's keys and certificates in a folder of this computer, each entry
 * sealed with AES-256-GCM (see store-crypto for the key). Opened once per customer session; the
 * key is forgotten when the session ends, and in kiosk mode the folder is wiped as well.
 */
export class SoftwareStore {
  private key?: Buffer;

  constructor(
    readonly dir: string,
    private readonly mode: AgentMode,
  ) {}

  get isOpen(): boolean {
    return this.key !== undefined;
  }

  /**
   * Opens the store. Personal mode needs the store password (the first opening sets it); kiosk mode
   * takes none and uses a key that lives for this session only. Throws BAD_USER_INPUT `password`,
   * AGENT_STORE_PASSWORD_WRONG.
   */
  async open(password: string | undefined): Promise<void> {
    if (this.key) return;
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const metaPath = join(this.dir, META_FILE);
    const meta = await readFile(metaPath, 'utf8').then(
      (text) => JSON.parse(text) as { salt?: string; check: string },
      () => undefined,
    );
    if (this.mode === 'kiosk') {
      // Whatever a crashed session left is unreadable without its key: start clean.
      if (meta) await this.wipe();
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const key = randomStoreKey();
      await writeFile(
        metaPath,
        JSON.stringify({ check: seal(key, Buffer.from(META_CHECK), META_FILE).toString('base64') }),
        { mode: 0o600 },
      );
      this.key = key;
      return;
    }
    if (!password) throw DomainError.invalidInput([{ field: 'password', code: 'FIELD_REQUIRED' }]);
    if (meta?.salt) {
      const key = await deriveStoreKey(password, Buffer.from(meta.salt, 'base64'));
      if (!open(key, Buffer.from(meta.check, 'base64'), META_FILE)) throw new DomainError('AGENT_STORE_PASSWORD_WRONG');
      this.key = key;
      return;
    }
    const salt = randomBytes(16);
    const key = await deriveStoreKey(password, salt);
    const check = seal(key, Buffer.from(META_CHECK), META_FILE).toString('base64');
    await writeFile(metaPath, JSON.stringify({ salt: salt.toString('base64'), check }), { mode: 0o600 });
    this.key = key;
  }

  /** Personal mode: whether a store password was set on this computer (the first opening sets it). */
  async hasPassword(): Promise<boolean> {
    const text = await readFile(join(this.dir, META_FILE), 'utf8').catch(() => undefined);
    return !!text && !!(JSON.parse(text) as { salt?: string }).salt;
  }

  /** Forgets the key (the files stay, sealed). */
  close(): void {
    this.key?.fill(0);
    this.key = undefined;
  }

  /** Removes every entry and the store's own file, and forgets the key. */
  async wipe(): Promise<void> {
    this.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Makes an RSA-2048 key pair per usage in software and a CSR for each. */
  async generate(
    subject: readonly DnAttribute[],
    label: string,
    usages: readonly CertificateUsage[],
  ): Promise<GeneratedKey[]> {
    this.requireKey();
    const out: GeneratedKey[] = [];
    for (const usage of usages) {
      const keyPair = (await nodeSubtle.generateKey(RSA, true, ['sign', 'verify'])) as {
        publicKey: CryptoKeyLike;
        privateKey: CryptoKeyLike;
      };
      const csr = await createCsr({ subject, keyPair });
      const pkcs8 = new Uint8Array(await nodeSubtle.exportKey('pkcs8', keyPair.privateKey));
      const entry: StoreEntry = {
        id: newId(),
        label: `${label}-${usage === 'SIGNING' ? 'sign' : 'enc'}`,
        usage,
        privateKeyPkcs8: pkcs8,
        chain: [],
        createdAt: new Date().toISOString(),
      };
      await this.save(entry);
      out.push({ usage, id: entry.id, label: entry.label, csrPem: toPem(csr, 'CERTIFICATE REQUEST') });
    }
    return out;
  }

  /** Puts an issued certificate next to its key. Throws AGENT_STORE_ENTRY_NOT_FOUND (80092004) when no key matches. */
  async install(certificate: Uint8Array, chain: readonly Uint8Array[]): Promise<StoreEntry> {
    const cert = readCertificate(certificate);
    const entry = (await this.entries()).find((e) =>
      Buffer.from(spkiOf(e.privateKeyPkcs8)).equals(Buffer.from(cert.publicKey)),
    );
    if (!entry) throw new DomainError('AGENT_STORE_ENTRY_NOT_FOUND', { serial: cert.serial });
    const updated = { ...entry, certificate: cert.der, chain: chain.length ? chain : entry.chain };
    await this.save(updated);
    return updated;
  }

  async entries(): Promise<StoreEntry[]> {
    const key = this.requireKey();
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: StoreEntry[] = [];
    for (const name of names.filter((n) => n.endsWith(ENTRY_SUFFIX)).sort()) {
      const id = name.slice(0, -ENTRY_SUFFIX.length);
      const plain = open(key, await readFile(join(this.dir, name)), entryContext(id));
      // An entry sealed under another key (another password, or a damaged file) is skipped, not fatal.
      if (plain) out.push(decode(JSON.parse(plain.toString('utf8')) as StoredEntry));
    }
    return out;
  }

  async get(id: string): Promise<StoreEntry> {
    const entry = (await this.entries()).find((e) => e.id === id);
    if (!entry) throw new DomainError('AGENT_STORE_ENTRY_NOT_FOUND', { id });
    return entry;
  }

  /** Deletes the entry (key and certificate together) and returns what it held. */
  async remove(id: string): Promise<StoreEntry> {
    const entry = await this.get(id);
    await rm(join(this.dir, `${id}${ENTRY_SUFFIX}`), { force: true });
    return entry;
  }

  /** RSASSA-PKCS1-v1_5 / SHA-256 with the entry's key. */
  async sign(id: string, data: Uint8Array): Promise<{ signature: Uint8Array; certificate?: Uint8Array }> {
    const entry = await this.get(id);
    const key = createPrivateKey({ key: Buffer.from(entry.privateKeyPkcs8), format: 'der', type: 'pkcs8' });
    return { signature: new Uint8Array(nodeSign('sha256', data, key)), certificate: entry.certificate };
  }

  /** The entry as a password-protected PKCS#12 backup (libs/pki: PBES2, AES-256, 100k iterations). */
  async exportPkcs12(id: string, password: string): Promise<Uint8Array> {
    const entry = await this.get(id);
    if (!entry.certificate) throw new DomainError('NOTHING_TO_DOWNLOAD');
    return buildPkcs12({
      privateKeyPkcs8: entry.privateKeyPkcs8,
      certificate: entry.certificate,
      chain: entry.chain,
      password,
      friendlyName: entry.label,
    });
  }

  /** Restores a PKCS#12 backup as a new entry (or returns the existing one holding the same certificate). */
  async importPkcs12(der: Uint8Array, password: string): Promise<StoreEntry> {
    const parsed = await parsePkcs12(der, password);
    const existing = (await this.entries()).find(
      (e) => e.certificate && Buffer.from(e.certificate).equals(Buffer.from(parsed.certificate)),
    );
    if (existing) return existing;
    const entry: StoreEntry = {
      id: newId(),
      label: 'imported',
      privateKeyPkcs8: parsed.privateKeyPkcs8,
      certificate: parsed.certificate,
      chain: parsed.chain,
      createdAt: new Date().toISOString(),
    };
    await this.save(entry);
    return entry;
  }

  private async save(entry: StoreEntry): Promise<void> {
    const key = this.requireKey();
    const stored: StoredEntry = {
      id: entry.id,
      label: entry.label,
      ...(entry.usage ? { usage: entry.usage } : {}),
      key: Buffer.from(entry.privateKeyPkcs8).toString('base64'),
      ...(entry.certificate ? { certificate: Buffer.from(entry.certificate).toString('base64') } : {}),
      chain: entry.chain.map((c) => Buffer.from(c).toString('base64')),
      createdAt: entry.createdAt,
    };
    const sealed = seal(key, Buffer.from(JSON.stringify(stored), 'utf8'), entryContext(entry.id));
    await writeFile(join(this.dir, `${entry.id}${ENTRY_SUFFIX}`), sealed, { mode: 0o600 });
  }

  private requireKey(): Buffer {
    if (!this.key) throw new DomainError('AGENT_STORE_LOCKED');
    return this.key;
  }
}

type CryptoKeyLike = Parameters<typeof nodeSubtle.exportKey>[1];

function newId(): string {
  return randomBytes(20).toString('hex');
}

function entryContext(id: string): string {
  return `entry:${id}`;
}

/** The entry's public key as SubjectPublicKeyInfo DER: the store keeps only the private key and derives this. */
export function publicKeyOf(entry: StoreEntry): Uint8Array {
  return spkiOf(entry.privateKeyPkcs8);
}

function spkiOf(pkcs8: Uint8Array): Uint8Array {
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  return new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
}

function decode(stored: StoredEntry): StoreEntry {
  return {
    id: stored.id,
    label: stored.label,
    ...(stored.usage ? { usage: stored.usage } : {}),
    privateKeyPkcs8: new Uint8Array(Buffer.from(stored.key, 'base64')),
    ...(stored.certificate ? { certificate: new Uint8Array(Buffer.from(stored.certificate, 'base64')) } : {}),
    chain: stored.chain.map((c) => new Uint8Array(Buffer.from(c, 'base64'))),
    createdAt: stored.createdAt,
  };
}
