import { ObjectClass } from 'graphene-pk11';
import {
  type AgentProgressStep,
  type AgentToken,
  type CertificateDetails,
  CertificateUsage,
  DomainError,
  type GeneratedKey,
  type InstalledCertificate,
  type ListObjectsResponse,
  type PendingKey,
} from '@app/contracts';
import { type DnAttribute } from '@app/domain';
import {
  certificateRoom,
  changePin,
  createTokenCsr,
  deleteCertificateWithKeys,
  type DeletedObjects,
  generateKeyPair,
  isLoggedIn,
  listCertificates,
  listTokens,
  type ModuleInfo,
  Pkcs11Module,
  pinState,
  rsaSpki,
  signWithKey,
  type TokenInfo,
  TOKEN_FLAGS,
  TokenSession,
  writeCaCertificate,
  writeCertificate,
} from '@app/pkcs11';
import { readCertificate, toPem } from '@app/pki';
import { type AgentConfig } from '../config/agent-config';
import { certificateDetails } from '../pki/certificate-details';

/** Reports what a long token operation waits for (the page shows "press the button on your ezSign"). */
export type ProgressReporter = (step: AgentProgressStep, serial: string) => void;

const LABEL_SUFFIX: Readonly<Record<CertificateUsage, string>> = { SIGNING: 'sign', ENCRYPTION: 'enc' };

/**
 * The customer's tokens, through libs/pkcs11. One R/W session per token is kept for the customer
 * session (login state lives with it) and closed, logged out, when that ends. Every call goes
 * through the token's queue in libs/pkcs11, so concurrent requests on one token run one at a time.
 */
export class TokenService {
  private module?: Pkcs11Module;
  private readonly sessions = new Map<string, Promise<TokenSession>>();

  constructor(private readonly config: AgentConfig) {}

  /** The loaded module; loads it on first use. Throws DomainError TOKEN_MODULE_UNAVAILABLE. */
  loadModule(): Pkcs11Module {
    this.module ??= Pkcs11Module.load(this.config.modulePath);
    return this.module;
  }

  moduleInfo(): ModuleInfo {
    return this.loadModule().info();
  }

  /** The initialised tokens present (a blank slot, like SoftHSM's spare one, is nobody's token). */
  listPresent(): TokenInfo[] {
    return listTokens(this.loadModule(), { typeRules: this.config.tokenTypeRules }).filter(
      (t) => (t.flags & TOKEN_FLAGS.TOKEN_INITIALIZED) !== 0,
    );
  }

  /** Every present token with its PIN state and whether this session is logged in to it. */
  async tokens(): Promise<AgentToken[]> {
    const out: AgentToken[] = [];
    for (const info of this.listPresent()) {
      const open = this.sessions.get(info.serial);
      const loggedIn = open
        ? await open.then((session) => session.run((s) => isLoggedIn(s))).catch(() => false)
        : false;
      out.push({
        serial: info.serial,
        label: info.label,
        manufacturer: info.manufacturer,
        model: info.model,
        type: info.type,
        pin: pinState(info.flags),
        loggedIn,
        ...(info.certificateCapacity === undefined ? {} : { certificateCapacity: info.certificateCapacity }),
        ...(info.freePublicMemory === undefined ? {} : { freePublicMemory: info.freePublicMemory }),
      });
    }
    return out;
  }

  async login(serial: string, pin: string, customerWarned: boolean): Promise<void> {
    await (await this.session(serial)).login(pin, { customerWarned });
  }

  async logout(serial: string): Promise<void> {
    const open = this.sessions.get(serial);
    if (open) await (await open).logout();
  }

  async changePin(serial: string, oldPin: string, newPin: string, customerWarned: boolean): Promise<void> {
    const session = await this.session(serial);
    await changePin(session, oldPin, newPin, {
      customerWarned,
      policy: {
        minLength: Math.max(6, session.token.minPinLength),
        maxLength: Math.min(16, session.token.maxPinLength),
      },
    });
  }

  /**
   * Generates one key pair per usage and a CSR for each. All or nothing: when any step fails (no
   * button press, token full, removed), the key pairs made so far are deleted again, so the token
   * holds no half-made request.
   */
  async generateKeys(
    serial: string,
    subject: readonly DnAttribute[],
    label: string,
    usages: readonly CertificateUsage[],
    progress: ProgressReporter,
  ): Promise<GeneratedKey[]> {
    const session = await this.session(serial);
    // Keys whose certificates will not fit are refused before they are made (manual: delete expired ones first).
    const room = await certificateRoom(session);
    if (room.free !== undefined && room.free < usages.length) {
      throw new DomainError('TOKEN_FULL', { capacity: room.capacity, used: room.used });
    }
    const made: Uint8Array[] = [];
    try {
      const out: GeneratedKey[] = [];
      for (const usage of usages) {
        const keyLabel = `${label}-${LABEL_SUFFIX[usage]}`;
        progress(this.waitStep(session, 'GENERATING_KEY'), serial);
        const pair = await generateKeyPair(session, { label: keyLabel, usage });
        made.push(pair.id);
        progress(this.waitStep(session, 'SIGNING'), serial);
        const csr = await createTokenCsr(session, { keyId: pair.id, subject });
        out.push({
          usage,
          id: Buffer.from(pair.id).toString('hex'),
          label: keyLabel,
          csrPem: toPem(csr, 'CERTIFICATE REQUEST'),
        });
      }
      return out;
    } catch (e) {
      for (const id of made) await deleteCertificateWithKeys(session, id).catch(() => undefined);
      throw e;
    } finally {
      progress('DONE', serial);
    }
  }

  /** Writes each issued certificate next to its key, then the CA chain. */
  async installCertificates(
    serial: string,
    certificates: readonly Uint8Array[],
    chain: readonly Uint8Array[],
  ): Promise<InstalledCertificate[]> {
    const session = await this.session(serial);
    const installed: InstalledCertificate[] = [];
    for (const der of certificates) {
      const id = await writeCertificate(session, der);
      installed.push({ id: Buffer.from(id).toString('hex'), serialNumber: readCertificate(der).serial });
    }
    for (const [i, der] of chain.entries()) await writeCaCertificate(session, der, `CA ${i + 1}`);
    return installed;
  }

  async listObjects(serial: string): Promise<ListObjectsResponse> {
    const session = await this.session(serial);
    const certificates: CertificateDetails[] = (await listCertificates(session)).map((c) => certificateDetails(c));
    const withCertificate = new Set(certificates.map((c) => c.id));
    const pending = await session.run((s) => {
      if (!isLoggedIn(s)) return [];
      const keys = s.find({ class: ObjectClass.PRIVATE_KEY });
      const out: PendingKey[] = [];
      for (let i = 0; i < keys.length; i++) {
        const { id, label, decrypt } = keys.items(i).getAttribute({ id: null, label: null, decrypt: null }) as {
          id: Buffer;
          label: string;
          decrypt: boolean;
        };
        if (withCertificate.has(id.toString('hex'))) continue;
        const publicKey = s.find({ class: ObjectClass.PUBLIC_KEY, id });
        // A private key without its public half cannot be proved with: the API finds a key by its SPKI.
        if (publicKey.length === 0) continue;
        out.push({
          id: id.toString('hex'),
          label,
          usage: decrypt ? CertificateUsage.ENCRYPTION : CertificateUsage.SIGNING,
          publicKey: Buffer.from(rsaSpki(publicKey.items(0))).toString('base64'),
        });
      }
      return out;
    });
    const room = await certificateRoom(session);
    return { certificates, pendingKeys: pending.map((k) => k.id), pendingKeyDetails: pending, room };
  }

  async deleteCertificate(serial: string, id: Uint8Array): Promise<DeletedObjects> {
    const session = await this.session(serial);
    const deleted = await deleteCertificateWithKeys(session, id);
    if (deleted.certificates + deleted.privateKeys + deleted.publicKeys === 0) {
      throw new DomainError('CERTIFICATE_NOT_FOUND', { id: Buffer.from(id).toString('hex') });
    }
    return deleted;
  }

  async sign(serial: string, id: Uint8Array, data: Uint8Array, progress: ProgressReporter): Promise<Uint8Array> {
    const session = await this.session(serial);
    progress(this.waitStep(session, 'SIGNING'), serial);
    try {
      return await signWithKey(session, id, data);
    } finally {
      progress('DONE', serial);
    }
  }

  /** The end-entity certificates on the token, for copying to the computer. */
  async userCertificates(serial: string): Promise<{ id: Uint8Array; der: Uint8Array }[]> {
    const list = await listCertificates(await this.session(serial));
    return list.filter((c) => !c.authority).map((c) => ({ id: c.id, der: c.der }));
  }

  /**
   * Drops the session on a token that was pulled out: it died with the token (and its login with
   * it), so the next request on that serial starts afresh and the PIN is asked again.
   */
  async forget(serial: string): Promise<void> {
    const open = this.sessions.get(serial);
    if (!open) return;
    this.sessions.delete(serial);
    const session = await open.catch(() => undefined);
    await session?.close().catch(() => undefined);
  }

  /** Logs out of every token this customer used and closes the sessions. */
  async endSession(): Promise<void> {
    const open = [...this.sessions.values()];
    this.sessions.clear();
    for (const pending of open) {
      const session = await pending.catch(() => undefined);
      if (!session) continue;
      await session.logout().catch(() => undefined);
      await session.close();
    }
  }

  /** Ends the session and releases the module (process shutdown). */
  async dispose(): Promise<void> {
    await this.endSession();
    this.module?.release();
    this.module = undefined;
  }

  /** The customer session's R/W session on the token `serial`, opened on first use. */
  private session(serial: string): Promise<TokenSession> {
    let open = this.sessions.get(serial);
    if (!open) {
      open = TokenSession.open(this.loadModule(), { serial }, { typeRules: this.config.tokenTypeRules });
      this.sessions.set(serial, open);
      open.catch(() => this.sessions.delete(serial));
    }
    return open.then(async (session) => {
      // A token pulled out and put back invalidates the old session (C_GetSessionInfo says
      // CKR_DEVICE_REMOVED while C_GetTokenInfo is fine again): start a fresh one, logged out.
      try {
        session.info();
        await session.run((s) => isLoggedIn(s));
        return session;
      } catch {
        if (this.sessions.get(serial) === open) this.sessions.delete(serial);
        await session.close().catch(() => undefined);
        return this.session(serial);
      }
    });
  }

  /** An ezSign asks for its button on every key operation; other tokens just take time. */
  private waitStep(session: TokenSession, step: AgentProgressStep): AgentProgressStep {
    return session.token.type === 'EZSIGN' ? 'PRESS_BUTTON' : step;
  }
}
