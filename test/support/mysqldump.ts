import { execFileSync } from 'node:child_process';

/**
 * The suite's whole database (`DATABASE_URL`) as `mysqldump` writes it, one INSERT a row: where a
 * test looks for secrets that must not be stored. `hexBlob` dumps binary columns as hex, so that a
 * secret's bytes can be searched for as hex too.
 */
export function mysqldump(options: { readonly hexBlob?: boolean } = {}): string {
  const url = new URL(process.env.DATABASE_URL!);
  return execFileSync(
    'mysqldump',
    [
      `--host=${url.hostname}`,
      `--port=${url.port || '3306'}`,
      `--user=${decodeURIComponent(url.username)}`,
      `--password=${decodeURIComponent(url.password)}`,
      '--no-tablespaces',
      '--skip-extended-insert',
      ...(options.hexBlob ? ['--hex-blob'] : []),
      url.pathname.slice(1),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
}
