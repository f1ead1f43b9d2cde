import type { CrlReason } from '@app/pki';
import { caFiles } from '@app/api/ca/ca-files';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { progress, run } from './shell';

export const CRL_ENTRIES = 100_000;
const RUNS = 3;
const DAY = 24 * 3600_000;

/** The reason mix of the revoked set: mostly ordinary revocations, a good share of holds. */
const REASONS: ReadonlyArray<[CrlReason, string | null, number]> = [
  ['UNSPECIFIED', null, 20],
  ['KEY_COMPROMISE', 'keyCompromise', 10],
  ['AFFILIATION_CHANGED', 'affiliationChanged', 10],
  ['SUPERSEDED', 'superseded', 25],
  ['CESSATION_OF_OPERATION', 'cessationOfOperation', 15],
  ['CERTIFICATE_HOLD', 'certificateHold', 20],
];

export interface CrlResult {
  readonly entries: number;
  readonly holds: number;
  readonly oursMs: number[];
  readonly oursMaxRssMiB: number;
  readonly oursRssSource: string;
  readonly opensslMs: number[];
  readonly opensslMaxRssMiB: number | null;
  readonly oursDerBytes: number;
  readonly opensslDerBytes: number;
}

interface Entry {
  serial: string;
  revokedAt: number;
  reason: CrlReason;
  opensslReason: string | null;
}

function randomEntries(n: number): Entry[] {
  const total = REASONS.reduce((s, r) => s + r[2], 0);
  const now = Math.floor(Date.now() / 1000) * 1000;
  const serials = new Set<string>();
  const entries: Entry[] = [];
  while (entries.length < n) {
    const bytes = randomBytes(16);
    bytes[0] &= 0x7f; // positive, as the CA's own serials
    if (bytes[0] === 0) continue; // exactly 128 bits wide, so both tools print it alike
    const serial = bytes.toString('hex').toUpperCase();
    if (serials.has(serial)) continue;
    serials.add(serial);
    let pick = Math.floor(Math.random() * total);
    const [reason, opensslReason] = REASONS.find((r) => (pick -= r[2]) < 0)!;
    entries.push({
      serial,
      revokedAt: now - Math.floor(Math.random() * 365) * DAY - Math.floor(Math.random() * 86400) * 1000,
      reason,
      opensslReason,
    });
  }
  return entries;
}

/** `YYMMDDHHMMSSZ`, the UTCTime OpenSSL's index.txt holds. */
function indexTime(ms: number): string {
  return new Date(ms).toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d).*$/, '$1$2$3$4$5$6Z');
}

/** Serials listed by `openssl crl -text`, upper-case hex, and how many entries say Certificate Hold. */
function listed(
  dir: string,
  file: string,
  format: 'DER' | 'PEM',
  chain: string,
): { serials: Set<string>; holds: number } {
  const verify = run('openssl', ['crl', '-inform', format, '-in', file, '-noout', '-CAfile', chain], { cwd: dir });
  if (!/verify OK/.test(verify.stdout + verify.stderr)) throw new Error(`${file} does not verify:\n${verify.stderr}`);
  const text = run('openssl', ['crl', '-inform', format, '-in', file, '-noout', '-text'], { cwd: dir }).stdout;
  const serials = new Set<string>();
  for (const m of text.matchAll(/Serial Number: ([0-9A-F]+)/g)) serials.add(m[1]);
  return { serials, holds: (text.match(/Certificate Hold/g) ?? []).length };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * 100k revoked entries: `buildCrl` of libs/pki in a fresh Node process (time per build, peak RSS)
 * against `openssl ca -gencrl` on the same set with the same issuing key. Both CRLs must verify
 * with `openssl crl -CAfile` and list exactly the generated serials.
 */
export function benchCrl(workDir: string, caDir: string, passphrase: string, repoRoot: string): CrlResult {
  const dir = join(workDir, 'crl');
  mkdirSync(dir, { recursive: true });
  const files = caFiles(caDir);
  progress(`crl: ${CRL_ENTRIES} entries`);
  const entries = randomEntries(CRL_ENTRIES);
  const expected = new Set(entries.map((e) => e.serial));
  const expectedHolds = entries.filter((e) => e.reason === 'CERTIFICATE_HOLD').length;

  writeFileSync(join(dir, 'entries.tsv'), entries.map((e) => `${e.serial}\t${e.revokedAt}\t${e.reason}\n`).join(''));
  const expiry = indexTime(Date.now() + 365 * DAY);
  writeFileSync(
    join(dir, 'index.txt'),
    entries
      .map((e) => {
        const revoked = indexTime(e.revokedAt) + (e.opensslReason ? `,${e.opensslReason}` : '');
        return `R\t${expiry}\t${revoked}\t${e.serial}\tunknown\t/CN=x\n`;
      })
      .join(''),
  );
  const issuingPem = readFileSync(files.issuingCertificate, 'utf8');
  writeFileSync(join(dir, 'chain.pem'), issuingPem + readFileSync(files.rootCertificate, 'utf8'));
  writeFileSync(join(dir, 'issuing.pem'), issuingPem);
  const plainKey = createPrivateKey({ key: readFileSync(files.issuingKey, 'utf8'), passphrase }).export({
    type: 'pkcs8',
    format: 'pem',
  });
  writeFileSync(join(dir, 'issuing.key'), plainKey, { mode: 0o600 });
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  writeFileSync(
    join(dir, 'openssl.cnf'),
    [
      '[ ca ]',
      'default_ca = bench_ca',
      '[ bench_ca ]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'certificate = $dir/issuing.pem',
      'private_key = $dir/issuing.key',
      'crlnumber = $dir/crlnumber',
      'new_certs_dir = $dir',
      'default_md = sha256',
      'default_crl_hours = 24',
      'unique_subject = no',
      'crl_extensions = crl_ext',
      '[ crl_ext ]',
      'authorityKeyIdentifier = keyid:always',
      '',
    ].join('\n'),
  );

  // Ours: one fresh Node process per build, as OpenSSL gets one per run. The JSON line holds the
  // build time, GNU time the peak RSS of the whole process.
  progress('crl: buildCrl');
  const oursMs: number[] = [];
  let oursMaxRssMiB = 0;
  let viaGnuTime = true;
  for (let i = 0; i < RUNS; i += 1) {
    const child = run(
      process.execPath,
      [
        '--import',
        './bench/register.mjs',
        'bench/crl-child.ts',
        join(dir, 'entries.tsv'),
        join(dir, `ours-${i}.crl`),
        '1',
      ],
      { cwd: repoRoot, env: { ...process.env, CA_DIR: caDir, CA_KEY_PASSPHRASE: passphrase }, measure: true },
    );
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { timesMs: number[]; maxRssMiB: number };
    oursMs.push(report.timesMs[0]);
    viaGnuTime &&= child.maxRssMiB !== null;
    oursMaxRssMiB = Math.max(oursMaxRssMiB, child.maxRssMiB ?? report.maxRssMiB);
  }

  progress('crl: openssl ca -gencrl');
  const opensslMs: number[] = [];
  let opensslMaxRssMiB: number | null = null;
  for (let i = 0; i < RUNS; i += 1) {
    const r = run('openssl', ['ca', '-config', 'openssl.cnf', '-gencrl', '-out', `openssl-${i}.crl`], {
      cwd: dir,
      measure: true,
    });
    opensslMs.push(r.ms);
    if (r.maxRssMiB !== null) opensslMaxRssMiB = Math.max(opensslMaxRssMiB ?? 0, r.maxRssMiB);
  }

  progress('crl: verifying both CRLs');
  const ours = listed(dir, 'ours-0.crl', 'DER', 'chain.pem');
  const theirs = listed(dir, 'openssl-0.crl', 'PEM', 'chain.pem');
  for (const [who, got] of [
    ['buildCrl', ours],
    ['openssl ca', theirs],
  ] as const) {
    if (got.serials.size !== CRL_ENTRIES || !sameSet(got.serials, expected))
      throw new Error(`${who}: the CRL lists ${got.serials.size} serials, not the ${CRL_ENTRIES} revoked ones`);
    if (got.holds !== expectedHolds) throw new Error(`${who}: ${got.holds} holds listed, ${expectedHolds} expected`);
  }
  run('openssl', ['crl', '-in', 'openssl-0.crl', '-outform', 'DER', '-out', 'openssl-0.der'], { cwd: dir });

  return {
    entries: CRL_ENTRIES,
    holds: expectedHolds,
    oursMs,
    oursMaxRssMiB,
    oursRssSource: viaGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
    opensslMs,
    opensslMaxRssMiB,
    oursDerBytes: statSync(join(dir, 'ours-0.crl')).size,
    opensslDerBytes: statSync(join(dir, 'openssl-0.der')).size,
  };
}
