import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { CrlResult } from './crl';
import { ISSUANCE_CONCURRENCY, type IssuanceResult, SIGN_BATCH } from './issuance';
import { GNU_TIME, median } from './shell';

export const ISSUANCE_GOAL = 0.25;
export const CRL_TIME_GOAL = 2;
export const CRL_RSS_GOAL_MIB = 300;

export function machine(): string {
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model;
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const openssl = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim().split(' (')[0];
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${nproc} × ${model}, ${memory} GiB RAM, Node ${process.version}, ${openssl}`;
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

export function renderReport(issuance: IssuanceResult, crl: CrlResult, date: Date, load: number[]): string {
  const ratio = issuance.perSecond / issuance.raw2048PerSecond;
  const ours = median(crl.oursMs);
  const theirs = median(crl.opensslMs);
  const timeRatio = ours / theirs;
  const ms = (list: number[]) => list.map((t) => f0(t)).join(' / ');
  return `# Benchmarks

Written by \`npm run bench\` (bench/): the whole file is regenerated on every run, do not edit it by hand.
Figures are from one run on the machine below; they are not tests and a missed goal does not fail the run
(a broken result does: a certificate or CRL that OpenSSL rejects, a CRL with the wrong entries).

- Machine: ${machine()}
- Date: ${date.toISOString().replace(/\.\d+Z$/, 'Z')}
- Load average at start (1/5/15 min): ${load.map(f2).join(' / ')} (other work on the machine skews the figures)

## Issuance through the whole pipeline

${issuance.count} CSRs (RSA-2048, made beforehand with Node crypto and \`createCsr\`, ${issuance.keys} keys) through the real API module
on a fresh migrated MariaDB database: \`parseCsr\` + \`IssuanceService.request\` in its own transaction (the
PENDING row and its audit event committed), ${ISSUANCE_CONCURRENCY} requests in flight at once as from several kiosks, then
\`signPending\` passes of ${SIGN_BATCH} until every request is ISSUED (each pass signs its batch side by side on the
thread pool with the RSA-3072 issuing CA key, then stores the certificates and their audit events in one
transaction). After a warm-up of 20. A sample of the stored certificates passes \`openssl verify\` (${issuance.verified} of ${issuance.verified}).

| Measure | Value |
| --- | --- |
| Pipeline: certificates issued | ${issuance.count} in ${f2(issuance.seconds)} s (requests ${f2(issuance.requestSeconds)} s, signing + storing ${f2(issuance.signSeconds)} s) |
| Pipeline rate | ${f0(issuance.perSecond)} certificates/s |
| Per certificate | request ${f1((issuance.requestSeconds * 1000) / issuance.count)} ms (of which \`parseCsr\` alone ${f1(issuance.parseCsrMs)} ms), signing + storing ${f1((issuance.signSeconds * 1000) / issuance.count)} ms |
| Raw \`crypto.sign('sha256', …)\`, RSA-2048, one thread | ${f0(issuance.raw2048PerSecond)} signatures/s |
| Raw \`crypto.sign\` with the RSA-3072 issuing key (context) | ${f0(issuance.raw3072PerSecond)} signatures/s |
| Pipeline ÷ raw RSA-2048 | ${f2(ratio)} |
| Goal: ≥ ${ISSUANCE_GOAL} of raw | ${met(ratio >= ISSUANCE_GOAL)} |

## CRL with ${f0(crl.entries)} entries

${f0(crl.entries)} revoked entries with random 128-bit serials and mixed reasons (unspecified, keyCompromise,
affiliationChanged, superseded, cessationOfOperation, ${f0(crl.holds)} certificateHold), signed with the same
RSA-3072 issuing key by both, three runs each, one fresh process per run. Ours: \`buildCrl\` (libs/pki)
timed from the in-memory entry list, in a Node process that first reads the entries (peak RSS of that whole
process, entries included, by ${crl.oursRssSource}). OpenSSL: \`openssl ca -gencrl\` on an index.txt
holding the same set, timed as a whole (process start and reading index.txt included). Medians are compared.
Both CRLs pass \`openssl crl -CAfile\` and list exactly the ${f0(crl.entries)} serials.

| Measure | buildCrl | openssl ca -gencrl |
| --- | --- | --- |
| Time, median (runs, ms) | ${f0(ours)} ms (${ms(crl.oursMs)}) | ${f0(theirs)} ms (${ms(crl.opensslMs)}) |
| Peak RSS | ${f1(crl.oursMaxRssMiB)} MiB | ${crl.opensslMaxRssMiB === null ? `n/a (no ${GNU_TIME ?? '/usr/bin/time'})` : `${f1(crl.opensslMaxRssMiB)} MiB`} |
| CRL size (DER) | ${f0(crl.oursDerBytes)} bytes | ${f0(crl.opensslDerBytes)} bytes |

| Goal | Result |
| --- | --- |
| Time ≤ ${CRL_TIME_GOAL}× openssl's | ${f2(timeRatio)}× — ${met(timeRatio <= CRL_TIME_GOAL)} |
| Peak RSS ≤ ${CRL_RSS_GOAL_MIB} MiB | ${f1(crl.oursMaxRssMiB)} MiB — ${met(crl.oursMaxRssMiB <= CRL_RSS_GOAL_MIB)} |
`;
}

export function writeReport(path: string, text: string): void {
  writeFileSync(path, text);
}
