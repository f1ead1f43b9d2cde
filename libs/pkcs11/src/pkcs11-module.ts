import { Module } from 'graphene-pk11';
import { DomainError } from '@app/contracts';
import { toTokenError } from './ckr-errors';

/**
 * PKCS#11 v2.40 §5.4 CKF_OS_LOCKING_OK. Key generation runs on a worker thread while the token
 * watcher and other requests call in from the main one; without this flag a module may assume a
 * single thread (SoftHSM then turns its locks off) and calls racing each other fail at random.
 */
const CKF_OS_LOCKING_OK = 0x2;

/** What C_GetInfo says about the loaded module, trimmed. */
export interface ModuleInfo {
  readonly path: string;
  readonly manufacturer: string;
  readonly description: string;
  /** `major.minor` of the library itself. */
  readonly libraryVersion: string;
  /** `major.minor` of the PKCS#11 interface it implements. */
  readonly cryptokiVersion: string;
}

const loaded = new Map<string, Pkcs11Module>();

/**
 * A PKCS#11 module (shared library) loaded and initialised once per process. Loading a library a
 * second time shares its global state with the first, and C_Finalize through one copy breaks the
 * other, so {@link Pkcs11Module.load} hands every caller of the same path the same instance and
 * counts them; the last {@link Pkcs11Module.release} finalises it.
 */
export class Pkcs11Module {
  private users = 0;
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(
    readonly path: string,
    /** The graphene module: only this library's token code uses it. */
    readonly graphene: Module,
  ) {}

  /**
   * The module at `path`, loaded and C_Initialize'd on first use. Throws DomainError
   * TOKEN_MODULE_UNAVAILABLE `{ path }` when the library cannot be loaded or initialised.
   */
  static load(path: string): Pkcs11Module {
    let module = loaded.get(path);
    if (!module) {
      let graphene: Module;
      try {
        graphene = Module.load(path);
        graphene.initialize({ flags: CKF_OS_LOCKING_OK });
      } catch (e) {
        throw new DomainError('TOKEN_MODULE_UNAVAILABLE', { path, ckr: toTokenError(e).details.ckr });
      }
      module = new Pkcs11Module(path, graphene);
      loaded.set(path, module);
    }
    module.users++;
    return module;
  }

  /** C_GetInfo of the module, for the environment report. */
  info(): ModuleInfo {
    const m = this.graphene;
    return {
      path: this.path,
      manufacturer: m.manufacturerID.trim(),
      description: m.libraryDescription.trim(),
      libraryVersion: `${m.libraryVersion.major}.${m.libraryVersion.minor}`,
      cryptokiVersion: `${m.cryptokiVersion.major}.${m.cryptokiVersion.minor}`,
    };
  }

  /** Whether this instance is still loaded (not finalised by its last release). */
  get active(): boolean {
    return loaded.get(this.path) === this;
  }

  /**
   * One caller is done with the module. The last one finalises it (C_Finalize, which also closes
   * every session) and unloads the library; a later {@link Pkcs11Module.load} starts afresh.
   */
  release(): void {
    if (!this.active || --this.users > 0) return;
    loaded.delete(this.path);
    try {
      this.graphene.finalize();
    } finally {
      this.graphene.close();
    }
  }

  /**
   * Runs `operation` after every operation queued earlier under `key` has settled: a token
   * serves one PKCS#11 operation at a time (CKR_OPERATION_ACTIVE otherwise), and a failed
   * operation must not stall the ones behind it.
   */
  exclusive<T>(key: string, operation: () => T | Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.then(operation);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return result;
  }
}
