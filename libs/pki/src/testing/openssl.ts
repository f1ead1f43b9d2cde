import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp folder for OpenSSL's input files, removed by `dispose()`. Test helper only. */
export class OpensslWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'pki-spec-'));

  /** Writes `data` to `name` in the folder and returns the file's path. */
  file(name: string, data: string | Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, data);
    return path;
  }

  /** Runs openssl; returns stdout then stderr as text. Throws (with the output) when it exits non-zero. */
  run(args: readonly string[], input?: Uint8Array | string): string {
    const res = spawnSync('openssl', args, { cwd: this.dir, input, encoding: 'utf8' });
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
    if (res.status !== 0) throw new Error(`openssl ${args.join(' ')} exited ${String(res.status)}: ${out}`);
    return out;
  }

  /** Runs openssl and returns its exit status with stdout then stderr, whatever the status. */
  runStatus(args: readonly string[]): { status: number | null; out: string } {
    const res = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    return { status: res.status, out: `${res.stdout ?? ''}${res.stderr ?? ''}` };
  }

  /** Runs openssl and returns the raw stdout bytes (for DER output). */
  runBinary(args: readonly string[]): Buffer {
    return execFileSync('openssl', args, { cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
