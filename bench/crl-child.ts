/**
 * Builds and signs the benchmark CRL in a process of its own, so that its peak RSS is the CRL's
 * and not the test runner's. Run as
 *   node --import ./bench/register.mjs bench/crl-child.ts <entries.tsv> <out.der> <runs>
 * with CA_DIR and CA_KEY_PASSPHRASE naming the issuing CA. Prints one JSON line on stdout.
 */
import { buildCrl, caIssuer, type CrlReason, type RevokedEntry } from '@app/pki';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [entriesFile, outFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? '3');

// The issuing key as the API holds it: decrypted once into a non-extractable CryptoKey.
const caDir = process.env.CA_DIR!;
const pkcs8 = createPrivateKey({
  key: readFileSync(join(caDir, 'issuing.key.pem'), 'utf8'),
  passphrase: process.env.CA_KEY_PASSPHRASE!,
}).export({ type: 'pkcs8', format: 'der' });
const privateKey = await webcrypto.subtle.importKey(
  'pkcs8',
  pkcs8,
  { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  false,
  ['sign'],
);
const issuer = caIssuer(readFileSync(join(caDir, 'issuing.crt'), 'utf8'), { privateKey });

const entries: RevokedEntry[] = [];
for (const line of readFileSync(entriesFile, 'utf8').split('\n')) {
  if (!line) continue;
  const [serial, revokedAt, reason] = line.split('\t');
  entries.push({ serial, revokedAt: new Date(Number(revokedAt)), reason: reason as CrlReason });
}
const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;

const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
const nextUpdate = new Date(thisUpdate.getTime() + 24 * 3600_000);
const timesMs: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const start = performance.now();
  const der = await buildCrl({ issuer, thisUpdate, nextUpdate, crlNumber: run + 1, entries });
  timesMs.push(performance.now() - start);
  if (run === 0) writeFileSync(outFile, der);
}

process.stdout.write(
  `${JSON.stringify({
    entries: entries.length,
    timesMs,
    rssBeforeMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
