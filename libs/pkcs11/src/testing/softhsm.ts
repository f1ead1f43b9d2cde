import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { Pkcs11Module } from '../pkcs11-module';
import { TokenSession } from '../token-session';

/** The SoftHSMv2 PKCS#11 module of Debian's `softhsm2` package. */
export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export interface SoftHsmTokenInput {
  readonly label: string;
  readonly pin: string;
  readonly soPin?: string;
}

/**
 * A SoftHSMv2 token store in a temp folder of its own (or in `dir`, kept between runs, e.g. for a
 * demo), for specs. Sets `SOFTHSM2_CONF` for this process, so create it before the module is loaded
 * (SoftHSM reads the file in C_Initialize), and `dispose()` it after the module is released.
 * Test helper only.
 */
export class SoftHsm {
  readonly dir: string;
  readonly confPath: string;

  constructor(dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'softhsm-spec-'));
    this.confPath = join(this.dir, 'softhsm2.conf');
    writeFileSync(
      this.confPath,
      `directories.tokendir = ${this.dir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
    );
    setProcessEnv('SOFTHSM2_CONF', this.confPath);
  }

  /** Initialises a token in the free slot (it then moves to a random slot id) and returns its serial. */
  initToken({ label, pin, soPin = '87654321' }: SoftHsmTokenInput): string {
    this.util(['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', pin]);
    const slots = this.util(['--show-slots']);
    const block = slots.split(/\n(?=Slot \d)/).find((b) => new RegExp(`Label:\\s+${label}\\s*$`, 'm').test(b));
    const serial = block && /Serial number:\s+(\S+)/.exec(block)?.[1];
    if (!serial) throw new Error(`token ${label} not found after init`);
    return serial;
  }

  /** Runs `pkcs11-tool` against SoftHSM with this store; returns stdout and stderr. Throws when it fails. */
  pkcs11Tool(args: readonly string[]): string {
    return this.run('pkcs11-tool', ['--module', SOFTHSM_MODULE, ...args]);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private util(args: readonly string[]): string {
    return this.run('softhsm2-util', args);
  }

  private run(command: string, args: readonly string[]): string {
    const res = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...process.env, SOFTHSM2_CONF: this.confPath },
    });
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
    if (res.status !== 0) throw new Error(`${command} exited ${String(res.status)}: ${out}`);
    return out;
  }
}

/** A SoftHSM store with one initialised token, the module loaded and a session open on the token. */
export interface TestToken {
  readonly hsm: SoftHsm;
  readonly module: Pkcs11Module;
  readonly session: TokenSession;
  readonly label: string;
  readonly serial: string;
  readonly pin: string;
  /** Closes the session, releases the module and removes the store. */
  dispose(): Promise<void>;
}

/** Sets up a {@link TestToken}; `login` logs the user in with `pin`. Test helper only. */
export async function openTestToken({ label = 'spec', pin = '123456', login = true } = {}): Promise<TestToken> {
  const hsm = new SoftHsm();
  const serial = hsm.initToken({ label, pin });
  const module = Pkcs11Module.load(SOFTHSM_MODULE);
  const session = await TokenSession.open(module, { serial });
  if (login) await session.login(pin);
  return {
    hsm,
    module,
    session,
    label,
    serial,
    pin,
    async dispose() {
      await session.close();
      module.release();
      hsm.dispose();
    },
  };
}

/**
 * Sets an environment variable where a native library's getenv() sees it. Jest hands each test
 * file a copy of `process.env`, so the variable goes into the real process object too (the one of
 * Node's main context; outside Jest they are the same).
 */
export function setProcessEnv(name: string, value: string): void {
  process.env[name] = value;
  (runInThisContext('process') as NodeJS.Process).env[name] = value;
}
