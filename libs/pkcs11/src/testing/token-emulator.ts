import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type TokenType } from '@app/contracts';
import { Pkcs11Module } from '../pkcs11-module';
import { TokenSession } from '../token-session';
import { SOFTHSM_MODULE, SoftHsm, setProcessEnv } from './softhsm';

/** How the emulated ezSign's confirm button is pressed. */
export type ButtonMode =
  /** The "customer" presses `delayMs` after the prompt; a negative delay means nobody presses. */
  | { readonly mode: 'delay'; readonly delayMs: number; readonly timeoutMs?: number }
  /** Only {@link TokenEmulator.press} presses (the press may come before the prompt). */
  | { readonly mode: 'trigger'; readonly timeoutMs?: number };

export interface EmulatedTokenInput {
  readonly label: string;
  /** What the emulator makes of the token; SOFT leaves it a plain SoftHSM token. */
  readonly type: TokenType | 'SOFT';
  readonly pin?: string;
  readonly soPin?: string;
}

export interface TokenEmulatorOptions {
  /**
   * Folder for the token store, state and configuration, kept by the caller (e.g. a demo that
   * keeps its tokens between runs); a fresh temp folder when absent.
   */
  readonly dir?: string;
  /** ezSign button; trigger mode (only {@link TokenEmulator.press}) when absent. */
  readonly button?: ButtonMode;
  /** Extra time every key generation on an emulated token takes, as a real token is slow. */
  readonly keygenDelayMs?: number;
  /** Wrong user PINs that lock a token (10, as an iKey / ezSign). */
  readonly maxPinTries?: number;
}

/** Button timeout the tests use unless they say otherwise: long enough for a loaded CI machine. */
const DEFAULT_TIMEOUT_MS = 5000;

/**
 * The iKey / ezSign emulator (test/token-emulator, a PKCS#11 module over SoftHSM) with a SoftHSM
 * store of its own, for specs, agent tests and the demo. Builds the module when its source changed,
 * and points this process at its configuration (`SOFTHSM2_CONF`, `TOKEN_EMULATOR_CONFIG`), so
 * create it before the module is loaded; {@link env} gives the same for a child process.
 * The configuration file is re-read by the module when it changes, so a test may switch the button
 * mode while the module is loaded; tokens are added before it is loaded. Test helper only.
 */
export class TokenEmulator {
  /** The folder holding the token store, the emulator's state and its configuration. */
  readonly dir: string;
  readonly hsm: SoftHsm;
  readonly stateDir: string;
  readonly configPath: string;
  private readonly kinds = new Map<string, TokenType>();
  /** Serials by label, for tests that name a token as the customer sees it. */
  private readonly serials = new Map<string, string>();
  private button: ButtonMode;

  private constructor(
    /** Absolute path of the emulator's shared library: what a PKCS#11 consumer loads. */
    readonly modulePath: string,
    private readonly options: TokenEmulatorOptions,
  ) {
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), 'token-emulator-'));
    // SoftHSM takes every folder in its token directory for a token: the state lives beside it.
    this.hsm = new SoftHsm(join(this.dir, 'tokens'));
    this.stateDir = join(this.dir, 'state');
    this.configPath = join(this.dir, 'token-emulator.conf');
    mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
    this.button = options.button ?? { mode: 'trigger' };
    this.readKinds();
    this.writeConfig();
    setProcessEnv('TOKEN_EMULATOR_CONFIG', this.configPath);
  }

  /** Builds the module if needed and sets up an empty token store. */
  static create(options: TokenEmulatorOptions = {}): TokenEmulator {
    return new TokenEmulator(buildTokenEmulator(), options);
  }

  /**
   * Initialises a SoftHSM token the emulator presents as `type`; returns its serial. SoftHSM finds
   * its tokens when the module is initialised, so add them all before loading {@link modulePath}.
   */
  addToken({ label, type, pin = '123456', soPin = '87654321' }: EmulatedTokenInput): string {
    const serial = this.hsm.initToken({ label, pin, soPin });
    if (type !== 'SOFT') this.kinds.set(serial, type);
    this.serials.set(label, serial);
    this.writeConfig();
    return serial;
  }

  /**
   * Pulls the token out of its reader: the slot shows no token, and every session opened on it so
   * far fails with CKR_DEVICE_REMOVED, also after {@link insert} (its login is gone too). Also for
   * a module already loaded, in this process or another.
   */
  remove(serialOrLabel: string): void {
    const serial = this.serialOf(serialOrLabel);
    // The count first: a process that never sees the marker still learns its sessions are stale.
    const count = this.statePath(serial, 'removals');
    const removals = existsSync(count) ? Number(readFileSync(count, 'utf8').trim() || 0) : 0;
    writeFileSync(`${count}.tmp`, `${removals + 1}\n`);
    renameSync(`${count}.tmp`, count);
    writeFileSync(this.statePath(serial, 'removed'), '');
  }

  /** Puts a removed token back: new sessions work, the old ones stay gone. */
  insert(serialOrLabel: string): void {
    rmSync(this.statePath(this.serialOf(serialOrLabel), 'removed'), { force: true });
  }

  /** Whether the token is pulled out right now. */
  isRemoved(serialOrLabel: string): boolean {
    return existsSync(this.statePath(this.serialOf(serialOrLabel), 'removed'));
  }

  /** Switches the button mode, also for a module already loaded. */
  setButton(button: ButtonMode): void {
    this.button = button;
    this.writeConfig();
  }

  /** Presses the confirm button of the ezSign `serial`: consumed by its next (or current) key generation or signature. */
  press(serial: string): void {
    writeFileSync(this.statePath(serial, 'press'), '');
  }

  /** Whether the ezSign `serial` is waiting for its button right now. */
  isAskingForButton(serial: string): boolean {
    return existsSync(this.statePath(serial, 'waiting'));
  }

  /** Resolves once the ezSign `serial` asks for its button (polls; gives up after `timeoutMs`). */
  async buttonPrompt(serial: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    for (let waited = 0; !this.isAskingForButton(serial); waited += 10) {
      if (waited >= timeoutMs) throw new Error(`token ${serial} never asked for its button`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The emulator's count of consecutive wrong user PINs on `serial`, as kept in its state folder. */
  wrongPinCount(serial: string): number {
    const path = this.statePath(serial, 'tries');
    return existsSync(path) ? Number(readFileSync(path, 'utf8').trim() || 0) : 0;
  }

  /** Environment for a child process (agent, pkcs11-tool) that loads {@link modulePath}. */
  env(): Record<string, string> {
    return { SOFTHSM2_CONF: this.hsm.confPath, TOKEN_EMULATOR_CONFIG: this.configPath };
  }

  /** Runs `pkcs11-tool` through the emulator; returns its output, throws when it fails. */
  pkcs11Tool(args: readonly string[]): string {
    const res = spawnSync('pkcs11-tool', ['--module', this.modulePath, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...this.env() },
    });
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
    if (res.status !== 0) throw new Error(`pkcs11-tool exited ${String(res.status)}: ${out}`);
    return out;
  }

  /** Removes the store and the state (release the module first). */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Tokens an earlier run marked in a kept `dir`, so they stay iKeys and ezSigns. */
  private readKinds(): void {
    if (!existsSync(this.configPath)) return;
    const config = readFileSync(this.configPath, 'utf8');
    for (const type of ['IKEY', 'EZSIGN'] as const) {
      const serials = new RegExp(`^TOKEN_EMULATOR_${type}=(.*)$`, 'm').exec(config)?.[1] ?? '';
      for (const serial of serials.split(',').filter(Boolean)) this.kinds.set(serial, type);
    }
  }

  private serialOf(serialOrLabel: string): string {
    return this.serials.get(serialOrLabel) ?? serialOrLabel;
  }

  private statePath(serial: string, suffix: string): string {
    return join(this.stateDir, `${serial}.${suffix}`);
  }

  private writeConfig(): void {
    const serials = (type: TokenType) => [...this.kinds].filter(([, t]) => t === type).map(([s]) => s);
    const button = this.button;
    const lines = [
      `TOKEN_EMULATOR_MODULE=${SOFTHSM_MODULE}`,
      `TOKEN_EMULATOR_STATE_DIR=${this.stateDir}`,
      // Tokens are picked by serial, so a test's labels need no prefix; an empty entry matches nothing.
      `TOKEN_EMULATOR_IKEY=${serials('IKEY').join(',') || ','}`,
      `TOKEN_EMULATOR_EZSIGN=${serials('EZSIGN').join(',') || ','}`,
      `TOKEN_EMULATOR_BUTTON=${button.mode}`,
      `TOKEN_EMULATOR_BUTTON_DELAY_MS=${button.mode === 'delay' ? button.delayMs : 0}`,
      `TOKEN_EMULATOR_BUTTON_TIMEOUT_MS=${button.timeoutMs ?? DEFAULT_TIMEOUT_MS}`,
      `TOKEN_EMULATOR_MAX_PIN_TRIES=${this.options.maxPinTries ?? 10}`,
      `TOKEN_EMULATOR_KEYGEN_DELAY_MS=${this.options.keygenDelayMs ?? 0}`,
    ];
    // Written whole and renamed, so the module never reads half a file.
    const tmp = `${this.configPath}.tmp`;
    writeFileSync(tmp, `${lines.join('\n')}\n`);
    renameSync(tmp, this.configPath);
  }
}

/** An emulated token with the emulator's module loaded and a session open on it. */
export interface EmulatedToken {
  readonly emulator: TokenEmulator;
  readonly module: Pkcs11Module;
  readonly session: TokenSession;
  readonly label: string;
  readonly serial: string;
  readonly pin: string;
  /** Closes the session, releases the module and removes the store. */
  dispose(): Promise<void>;
}

/** Sets up an {@link EmulatedToken} of `type`; `login` logs the user in with `pin`. Test helper only. */
export async function openEmulatedToken({
  type,
  label = `${type.toLowerCase()}-spec`,
  pin = '123456',
  login = true,
  ...options
}: { type: TokenType; label?: string; pin?: string; login?: boolean } & TokenEmulatorOptions): Promise<EmulatedToken> {
  const emulator = TokenEmulator.create(options);
  const serial = emulator.addToken({ label, type, pin });
  const module = Pkcs11Module.load(emulator.modulePath);
  const session = await TokenSession.open(module, { serial });
  if (login) await session.login(pin);
  return {
    emulator,
    module,
    session,
    label,
    serial,
    pin,
    async dispose() {
      await session.close();
      module.release();
      emulator.dispose();
    },
  };
}

/**
 * Builds the emulator with scripts/build-token-emulator.sh (a no-op when the library is newer than
 * its source) and returns the library's path. `TOKEN_EMULATOR_LIBRARY` names a prebuilt library
 * instead, e.g. where no compiler is installed.
 */
export function buildTokenEmulator(): string {
  const prebuilt = process.env.TOKEN_EMULATOR_LIBRARY;
  if (prebuilt) return prebuilt;
  const script = join(repositoryRoot(), 'scripts', 'build-token-emulator.sh');
  const res = spawnSync('bash', [script], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`building the token emulator failed: ${res.stderr || res.stdout}`);
  return res.stdout.trim().split('\n').pop() ?? '';
}

/** The folder holding scripts/build-token-emulator.sh, searched upwards from the working directory. */
function repositoryRoot(): string {
  for (let dir = resolve(process.cwd()); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'scripts', 'build-token-emulator.sh'))) return dir;
    if (dirname(dir) === dir) throw new Error('scripts/build-token-emulator.sh not found above the working directory');
  }
}
