import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time of the command, in milliseconds. */
  readonly ms: number;
  /** Peak RSS in MiB as GNU time reports it (`-v`), when /usr/bin/time exists. */
  readonly maxRssMiB: number | null;
}

/** Runs a command (under `/usr/bin/time -v` when `measure` is set), throwing when it fails. */
export function run(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; measure?: boolean } = {},
): Run {
  const [file, argv] = opts.measure && GNU_TIME ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const start = performance.now();
  const r = spawnSync(file, argv, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 512 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = performance.now() - start;
  if (r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout ?? ''}${r.stderr ?? ''}`,
    );
  }
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { stdout: r.stdout, stderr: r.stderr, ms, maxRssMiB: kb ? Number(kb[1]) / 1024 : null };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const started = performance.now();

/** A progress line on stderr, with the seconds since the benchmark started. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
}
