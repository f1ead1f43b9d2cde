import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CertificateStatus } from '@app/contracts';
import { parseCsr } from '@app/pki';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { issuanceRequest } from '../support/issuance-factory';
import { OpenSsl } from '../support/openssl';
import { TestApp } from '../support/test-app';

const MAIN = 'dist/apps/api/apps/api/src/main.js';
const PASS = 'ca-crash-e2e-passphrase';

async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A second API process (the built one) runs the issuance worker; the test kills it with SIGKILL
 * right after it has signed and before it has stored, then starts it again.
 */
describe('CA crash safety: kill -9 between signing and storing (MariaDB, a real second process)', () => {
  let t: TestApp;
  let ssl: OpenSsl;
  let worker: ChildProcess | undefined;

  const startWorker = (extra: Record<string, string> = {}): ChildProcess =>
    spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        JWT_SECRET: process.env.JWT_SECRET,
        CA_DIR: process.env.CA_DIR,
        CA_KEY_PASSPHRASE: PASS,
        PORT: '0',
        ISSUANCE_POLL_MS: '100',
        LOG_LEVEL: 'error',
        SCHEMA_FILE: ssl.path('schema.graphql'),
        ADMIN_DIST_DIR: ssl.path('no-admin'),
        ...extra,
      },
      stdio: 'ignore',
    });
  const stop = (child: ChildProcess | undefined, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:api" first`);
    ssl = new OpenSsl();
    process.env.CA_DIR = ssl.path('ca');
    process.env.CA_KEY_PASSPHRASE = PASS;
    process.env.ISSUANCE_POLL_MS = '0';
    await createCaHierarchy({ dir: process.env.CA_DIR, passphrase: PASS, organization: 'Test Bank' });
    t = await TestApp.start('ca-crash');
  });
  afterAll(async () => {
    await stop(worker, 'SIGKILL');
    await t?.close();
    ssl?.close();
    delete process.env.CA_DIR;
    delete process.env.ISSUANCE_POLL_MS;
  });

  it('leaves the request PENDING when killed after signing, and issues the identical certificate once on restart', async () => {
    const csr = await parseCsr(readFileSync(ssl.csr('crash'), 'utf8'));
    const request = issuanceRequest(csr);
    const pending = await t.dataSource.transaction((m) =>
      t.app.get(IssuanceService).request(m, systemContext(), request),
    );
    const row = () => t.dataSource.getRepository(Certificate).findOneByOrFail({ id: pending.id });
    const issuedEvents = async () =>
      Number(
        (
          await t.dataSource.query(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_ISSUED' AND target_id = ?",
            [pending.id],
          )
        )[0].n,
      );

    const pauseFile = ssl.path('signed-before-kill.der');
    worker = startWorker({ ISSUANCE_TEST_PAUSE_FILE: pauseFile });
    await waitFor('the worker to sign', () => existsSync(pauseFile) && readFileSync(pauseFile).length > 0);
    await stop(worker, 'SIGKILL');

    const afterKill = await row();
    expect(afterKill.status).toBe(CertificateStatus.PENDING);
    expect(afterKill.der).toBeNull();
    expect(await issuedEvents()).toBe(0);

    worker = startWorker();
    await waitFor('the restarted worker to issue', async () => (await row()).status === CertificateStatus.ISSUED);
    await stop(worker, 'SIGTERM');

    const issued = await row();
    expect(issued.der!.equals(readFileSync(pauseFile))).toBe(true);
    expect(await issuedEvents()).toBe(1);
    expect(await t.dataSource.getRepository(Certificate).countBy({ requestId: request.requestId })).toBe(1);
    ssl.file('issuing.pem', readFileSync(`${process.env.CA_DIR}/issuing.crt`));
    ssl.file('root.pem', readFileSync(`${process.env.CA_DIR}/root.crt`));
    ssl.file('crash.der', issued.der!);
    ssl.run('x509', '-inform', 'DER', '-in', 'crash.der', '-out', 'crash.pem');
    expect(ssl.run('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'crash.pem')).toContain(
      'crash.pem: OK',
    );
  });
});
