import { CertificateStatus } from '@app/contracts';
import { createCsr, parseCsr } from '@app/pki';
import { createApp } from '@app/api/bootstrap';
import { caFiles } from '@app/api/ca/ca-files';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { dataSourceOptions } from '@app/api/database/data-source-options';
import { seedDemo } from '@app/api/seed/demo-seeder';
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, webcrypto, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource, In } from 'typeorm';
import { issuanceRequest } from '../test/support/issuance-factory';
import { progress, run } from './shell';

export const ISSUANCE_COUNT = 300;
const WARM_UP = 20;
const KEYS = 40;
const RAW_SECONDS = 3;
/** Requests in flight at once, as from several kiosks and counters of the bank. */
export const ISSUANCE_CONCURRENCY = 8;
/** Pending requests the worker signs per transaction. */
export const SIGN_BATCH = 20;
const DATABASE = 'branch_ra_bench_issuance';

export interface IssuanceResult {
  readonly count: number;
  readonly keys: number;
  readonly seconds: number;
  readonly requestSeconds: number;
  readonly signSeconds: number;
  /** `parseCsr` alone over the same CSRs, milliseconds per CSR (part of the request phase). */
  readonly parseCsrMs: number;
  readonly perSecond: number;
  readonly raw2048PerSecond: number;
  readonly raw3072PerSecond: number;
  readonly verified: number;
}

/** Signatures per second of `crypto.sign('sha256', data, key)` on this thread for `seconds`. */
function rawSignRate(key: KeyObject, seconds: number): number {
  const data = Buffer.alloc(1200, 0x5a); // about a certificate's TBS
  for (let i = 0; i < 50; i += 1) sign('sha256', data, key);
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; i += 1) sign('sha256', data, key);
    n += 20;
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

/** A fresh database for the benchmark, migrated and seeded as the e2e suites do; DATABASE_URL points at it. */
async function prepareDatabase(): Promise<{ drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL!.replace(/\/+$/, '');
  const admin = new DataSource({ type: 'mariadb', url: server });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await admin.query(`CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = `${server}/${DATABASE}`;
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: url }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds);
  await ds.destroy();
  process.env.DATABASE_URL = url;
  return {
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
      await admin.destroy();
    },
  };
}

/**
 * `n` CSRs for `keys` RSA-2048 key pairs (each key signs several requests with different subjects:
 * key generation is slow and not what is measured).
 */
async function makeCsrs(n: number, keys: number): Promise<Uint8Array[]> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  const pairs = await Promise.all(
    Array.from(
      { length: keys },
      () => webcrypto.subtle.generateKey(algorithm, false, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>,
    ),
  );
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      createCsr({ subject: [{ type: 'CN', value: `bench-${i}` }], keyPair: pairs[i % keys] }),
    ),
  );
}

/**
 * The whole issuance pipeline on the real app and a fresh MariaDB database: for each pre-made CSR,
 * `parseCsr` and `IssuanceService.request` in its own transaction (the PENDING row committed), then
 * `signPending` passes until every request is ISSUED. Against the raw RSA-2048 `crypto.sign` rate
 * of this thread, measured in the same run.
 */
export async function benchIssuance(workDir: string, caDir: string, passphrase: string): Promise<IssuanceResult> {
  process.env.CA_DIR = caDir;
  process.env.CA_KEY_PASSPHRASE = passphrase;
  process.env.ISSUANCE_POLL_MS = '0';
  process.env.CA_ISSUE_DELAY_MS = '0';
  process.env.PKI_BASE_URL = 'http://ra.example.com.tw/pki';

  progress('issuance: preparing the database');
  const db = await prepareDatabase();
  progress('issuance: booting the app');
  const app = await createApp();
  await app.init();
  try {
    const issuance = app.get(IssuanceService);
    const dataSource = app.get(DataSource);
    progress(`issuance: making ${WARM_UP + ISSUANCE_COUNT} CSRs`);
    const csrs = await makeCsrs(WARM_UP + ISSUANCE_COUNT, KEYS);
    progress('issuance: warm-up');

    const issueAll = async (batch: Uint8Array[]) => {
      const requestIds = batch.map(() => randomUUID());
      const start = performance.now();
      let next = 0;
      const requester = async () => {
        for (let i = next++; i < batch.length; i = next++) {
          const csr = await parseCsr(batch[i]);
          const req = issuanceRequest(csr, { requestId: requestIds[i] });
          await dataSource.transaction((m) => issuance.request(m, systemContext(), req));
        }
      };
      await Promise.all(Array.from({ length: ISSUANCE_CONCURRENCY }, requester));
      const requested = performance.now();
      while ((await issuance.signPending(SIGN_BATCH)) > 0);
      const done = performance.now();
      const rows = await dataSource.getRepository(Certificate).findBy({ requestId: In(requestIds) });
      const issued = rows.filter((r) => r.status === CertificateStatus.ISSUED && r.der);
      if (issued.length !== batch.length) throw new Error(`${issued.length} of ${batch.length} requests issued`);
      return { rows: issued, ms: done - start, requestMs: requested - start, signMs: done - requested };
    };

    await issueAll(csrs.slice(0, WARM_UP));

    progress('issuance: raw crypto.sign rates');
    const raw2048 = rawSignRate(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, RAW_SECONDS);
    const issuingKey = createPrivateKey({ key: readFileSync(caFiles(caDir).issuingKey, 'utf8'), passphrase });
    const raw3072 = rawSignRate(issuingKey, 1);

    progress(`issuance: ${ISSUANCE_COUNT} through the pipeline`);
    const timed = await issueAll(csrs.slice(WARM_UP));
    progress(`issuance: ${(timed.rows.length / (timed.ms / 1000)).toFixed(0)}/s`);

    const parseStart = performance.now();
    for (const der of csrs.slice(WARM_UP)) await parseCsr(der);
    const parseCsrMs = (performance.now() - parseStart) / ISSUANCE_COUNT;

    // OpenSSL checks a sample of what was stored against the chain.
    const dir = join(workDir, 'issued');
    mkdirSync(dir, { recursive: true });
    const sample = [0, 1, Math.floor(timed.rows.length / 2), timed.rows.length - 1].map((i) => timed.rows[i]);
    const files = sample.map((row, i) => {
      const pem = `-----BEGIN CERTIFICATE-----\n${row.der!.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
      writeFileSync(join(dir, `leaf${i}.pem`), pem);
      return `leaf${i}.pem`;
    });
    const out = run(
      'openssl',
      ['verify', '-CAfile', caFiles(caDir).rootCertificate, '-untrusted', caFiles(caDir).issuingCertificate, ...files],
      { cwd: dir },
    ).stdout;
    const verified = (out.match(/: OK$/gm) ?? []).length;
    if (verified !== files.length) throw new Error(`openssl verify:\n${out}`);

    const seconds = timed.ms / 1000;
    return {
      count: timed.rows.length,
      keys: KEYS,
      seconds,
      requestSeconds: timed.requestMs / 1000,
      signSeconds: timed.signMs / 1000,
      parseCsrMs,
      perSecond: timed.rows.length / seconds,
      raw2048PerSecond: raw2048,
      raw3072PerSecond: raw3072,
      verified,
    };
  } finally {
    await app.close();
    await db.drop();
  }
}
