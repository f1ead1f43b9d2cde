import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CertificateStatus, DomainError, type CertificateUsage } from '@app/contracts';
import { ActorChannel } from '@app/domain';
import { parseCsr } from '@app/pki';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { CertificateStatusService } from '@app/api/ca/certificate-status.service';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { issuanceRequest, ISSUANCE_CUSTOMER } from '../support/issuance-factory';
import { OpenSsl } from '../support/openssl';
import { TestApp } from '../support/test-app';

const customer = ISSUANCE_CUSTOMER;
const PASS = 'ca-e2e-passphrase-0123';

describe('CA: issuance, CRL and OCSP (MariaDB, judged by OpenSSL)', () => {
  let t: TestApp;
  let ssl: OpenSsl;
  let issuance: IssuanceService;
  let status: CertificateStatusService;

  beforeAll(async () => {
    ssl = new OpenSsl();
    process.env.CA_DIR = ssl.path('ca');
    process.env.CA_KEY_PASSPHRASE = PASS;
    process.env.ISSUANCE_POLL_MS = '0';
    process.env.PKI_BASE_URL = 'http://ra.example.com.tw/pki';
    await createCaHierarchy({ dir: process.env.CA_DIR, passphrase: PASS, organization: 'Test Bank' });
    t = await TestApp.start('ca');
    issuance = t.app.get(IssuanceService);
    status = t.app.get(CertificateStatusService);
    ssl.file('chain.pem', await (await fetch(`${t.url}/pki/chain.pem`)).text());
    ssl.file('issuing.pem', readFileSync(`${process.env.CA_DIR}/issuing.crt`));
    ssl.file('root.pem', readFileSync(`${process.env.CA_DIR}/root.crt`));
  });
  afterAll(async () => {
    await t?.close();
    ssl?.close();
    delete process.env.CA_DIR;
  });

  async function requestCertificate(name: string, usage: CertificateUsage = 'SIGNING', requestId = randomUUID()) {
    const csr = await parseCsr(readFileSync(ssl.csr(name), 'utf8'));
    return t.dataSource.transaction((m) =>
      issuance.request(m, systemContext(), issuanceRequest(csr, { usage, requestId })),
    );
  }
  const row = (id: string) => t.dataSource.getRepository(Certificate).findOneByOrFail({ id });
  const save = (name: string, der: Buffer) => ssl.file(`${name}.der`, der);

  it('serves the issuing CA certificate and the chain without sign-in', async () => {
    const res = await fetch(`${t.url}/pki/ca.crt`);
    expect(res.headers.get('content-type')).toContain('application/pkix-cert');
    ssl.file('ca.der', Buffer.from(await res.arrayBuffer()));
    expect(ssl.run('x509', '-inform', 'DER', '-in', 'ca.der', '-noout', '-subject')).toContain('CN = FXML CA');
    expect(ssl.run('verify', '-CAfile', 'root.pem', 'issuing.pem')).toContain('issuing.pem: OK');
  });

  it('commits the serial before signing, then issues a certificate OpenSSL accepts, with the RA’s subject', async () => {
    const pending = await requestCertificate('leaf');
    const stored = await row(pending.id);
    expect(stored.status).toBe(CertificateStatus.PENDING);
    expect(stored.der).toBeNull();
    expect(stored.serialHex).toMatch(/^[0-7][0-9a-f]{31}$/);

    await expect(issuance.signPending()).resolves.toBe(1);
    const issued = await row(pending.id);
    expect(issued.status).toBe(CertificateStatus.ISSUED);
    ssl.run('x509', '-inform', 'DER', '-in', save('leaf', issued.der!), '-out', 'leaf.pem');
    expect(ssl.run('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'leaf.pem')).toContain('leaf.pem: OK');
    const text = ssl.run('x509', '-in', 'leaf.pem', '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb');
    expect(text).toContain(`CN=${customer.idNumber}-00-261124,OU=FXML,OU=0060000-測試銀行,O=Finance,C=TW`);
    expect(text).not.toContain('whatever-the-customer-typed');
    expect(text).toMatch(/Digital Signature, Non Repudiation/);
    expect(text).toContain('http://ra.example.com.tw/pki/crl');
    expect(text).toContain('OCSP - URI:http://ra.example.com.tw/pki/ocsp');
    expect(text).toContain(process.env.CERT_POLICY_OID ?? '2.25.329800735698586629295641978511506172918');
    expect(text.replace(/[\s:]/g, '')).toContain(issued.serialHex);
  });

  it('answers a replayed request id with the same certificate, and refuses it for another key', async () => {
    const requestId = randomUUID();
    const first = await requestCertificate('replay', 'ENCRYPTION', requestId);
    const count = await t.dataSource.getRepository(Certificate).count();
    const csrAgain = await parseCsr(readFileSync(ssl.path('replay.csr'), 'utf8'));
    const again = await t.dataSource.transaction((m) =>
      issuance.request(m, systemContext(), issuanceRequest(csrAgain, { requestId, usage: 'ENCRYPTION' })),
    );
    expect(again.id).toBe(first.id);
    await expect(requestCertificate('other-key', 'ENCRYPTION', requestId)).rejects.toEqual(
      new DomainError('REQUEST_ID_REUSED'),
    );
    expect(await t.dataSource.getRepository(Certificate).count()).toBe(count);
  });

  it('survives a crash between signing and storing: the row stays PENDING, the retry issues it once', async () => {
    await issuance.signPending();
    const pending = await requestCertificate('crash');
    const signedInCrash: Uint8Array[] = [];
    const spy = jest
      .spyOn(issuance as unknown as { beforeStore: (c: Certificate, der: Uint8Array) => Promise<void> }, 'beforeStore')
      .mockImplementationOnce(async (_c, der) => {
        signedInCrash.push(der);
        throw new Error('power cut');
      });
    await expect(issuance.signPending()).rejects.toThrow('power cut');
    const after = await row(pending.id);
    expect(after.status).toBe(CertificateStatus.PENDING);
    expect(after.der).toBeNull();

    await expect(issuance.signPending()).resolves.toBe(1);
    const issued = await row(pending.id);
    expect(issued.status).toBe(CertificateStatus.ISSUED);
    expect(Buffer.from(signedInCrash[0]).equals(issued.der!)).toBe(true);
    const events = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_ISSUED' AND target_id = ?",
      [pending.id],
    );
    expect(Number(events[0].n)).toBe(1);
    spy.mockRestore();
  });

  it('lets concurrent workers share the queue without issuing anything twice', async () => {
    const ids = [];
    for (let i = 0; i < 8; i += 1) ids.push((await requestCertificate(`bulk${i}`)).id);
    const passes = await Promise.all([
      issuance.signPending(3),
      issuance.signPending(3),
      issuance.signPending(3),
      issuance.signPending(3),
    ]);
    expect(passes.reduce((a, b) => a + b, 0)).toBe(8);
    const rows = await t.dataSource.getRepository(Certificate).findBy(ids.map((id) => ({ id })));
    expect(rows.every((r) => r.status === CertificateStatus.ISSUED)).toBe(true);
    const events = await t.dataSource.query(
      `SELECT target_id, COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_ISSUED' AND target_id IN (${ids.map(() => '?').join(',')}) GROUP BY target_id`,
      ids,
    );
    expect(events.map((e: { n: string }) => Number(e.n))).toEqual(ids.map(() => 1));
  });

  it('puts a held certificate on the CRL and OCSP as certificateHold, and takes it off when released at the counter', async () => {
    const c = await requestCertificate('hold');
    await issuance.signPending();
    await t.dataSource.getRepository(Certificate).update({ id: c.id }, { status: CertificateStatus.ACTIVE });
    ssl.run('x509', '-inform', 'DER', '-in', save('hold', (await row(c.id)).der!), '-out', 'hold.pem');
    const crlText = async () => {
      const res = await fetch(`${t.url}/pki/crl`);
      expect(res.headers.get('content-type')).toContain('application/pkix-crl');
      ssl.file('current.crl', Buffer.from(await res.arrayBuffer()));
      return ssl.run('crl', '-inform', 'DER', '-in', 'current.crl', '-noout', '-text', '-CAfile', 'chain.pem');
    };
    const ocsp = () =>
      ssl.runAsync(
        'ocsp',
        '-issuer',
        'issuing.pem',
        '-cert',
        'hold.pem',
        '-url',
        `${t.url}/pki/ocsp`,
        '-CAfile',
        'chain.pem',
      );
    const serial = c.serialHex.toUpperCase();

    expect(await ocsp()).toMatch(/hold\.pem: good/);
    await status.suspend(systemContext(), c.id, ActorChannel.KIOSK);
    let crl = await crlText();
    expect(crl).toContain('verify OK');
    expect(crl).toContain(serial);
    expect(crl).toContain('Certificate Hold');
    expect(await ocsp()).toMatch(/hold\.pem: revoked[\s\S]*Reason: certificateHold/);

    await expect(status.unsuspend(systemContext(), c.id, ActorChannel.KIOSK)).rejects.toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
    });
    expect((await row(c.id)).status).toBe(CertificateStatus.SUSPENDED);
    await status.unsuspend(systemContext(), c.id, ActorChannel.COUNTER);
    crl = await crlText();
    expect(crl).not.toContain(serial);
    expect(await ocsp()).toMatch(/hold\.pem: good/);

    await status.revoke(systemContext(), c.id, 'KEY_COMPROMISE', ActorChannel.COUNTER);
    crl = await crlText();
    expect(crl).toMatch(new RegExp(`${serial}[\\s\\S]*Key Compromise`));
    expect(await ocsp()).toMatch(/revoked[\s\S]*Reason: keyCompromise/);
    await expect(status.unsuspend(systemContext(), c.id, ActorChannel.COUNTER)).rejects.toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
    });
  });

  it('signs OCSP with a delegated responder that the issuing CA certified for OCSP signing only', async () => {
    const c = await requestCertificate('delegated');
    await issuance.signPending();
    ssl.run('x509', '-inform', 'DER', '-in', save('delegated', (await row(c.id)).der!), '-out', 'delegated.pem');
    const ask = ['ocsp', '-issuer', 'issuing.pem', '-cert', 'delegated.pem', '-url', `${t.url}/pki/ocsp`];
    const first = await ssl.runAsync(...ask, '-CAfile', 'chain.pem', '-resp_text');
    expect(first).toContain('Response verify OK');
    expect(first).toMatch(/delegated\.pem: good/);
    // the responder's certificate rides in the response: a CN of its own, issued by the FXML CA
    expect(first).toMatch(/Subject: .*CN ?= ?[^\n]*OCSP Responder/);
    const responder = (await ssl.runAsync(...ask, '-CAfile', 'chain.pem', '-resp_text')).match(/Responder Id: (\S+)/);
    const ca = ssl.run('x509', '-in', 'issuing.pem', '-noout', '-ext', 'subjectKeyIdentifier');
    // not the CA's own key: the CA key signs a responder certificate, not every answer
    expect(responder?.[1]).toMatch(/^[0-9A-F]{40}$/);
    expect(ca.replace(/[:\s]/g, '')).not.toContain(responder![1]);
    // the same responder key answers the next query (no new certificate per request)
    expect(first).toContain(`Responder Id: ${responder![1]}`);
  });

  it('expires certificates past notAfter, audits each, and drops an expired held one from the CRL', async () => {
    const active = await requestCertificate('old-active');
    const held = await requestCertificate('old-held');
    const current = await requestCertificate('current');
    await issuance.signPending();
    const repo = t.dataSource.getRepository(Certificate);
    await repo.update({ id: active.id }, { status: CertificateStatus.ACTIVE });
    await repo.update({ id: held.id }, { status: CertificateStatus.ACTIVE });
    await status.suspend(systemContext(), held.id, ActorChannel.KIOSK);
    const past = new Date(Date.now() - 60_000);
    await repo.update({ id: active.id }, { notAfter: past });
    await repo.update({ id: held.id }, { notAfter: past });

    await expect(status.expireDue(systemContext())).resolves.toBe(2);
    expect((await row(active.id)).status).toBe(CertificateStatus.EXPIRED);
    expect((await row(held.id)).status).toBe(CertificateStatus.EXPIRED);
    expect((await row(current.id)).status).toBe(CertificateStatus.ISSUED);
    const events = await t.dataSource.query(
      "SELECT target_id FROM audit_events WHERE action = 'CERTIFICATE_EXPIRED' AND target_id IN (?, ?) ORDER BY target_id",
      [active.id, held.id],
    );
    expect(events).toHaveLength(2);
    const crl = await fetch(`${t.url}/pki/crl`);
    ssl.file('after-expiry.crl', Buffer.from(await crl.arrayBuffer()));
    const text = ssl.run('crl', '-inform', 'DER', '-in', 'after-expiry.crl', '-noout', '-text', '-CAfile', 'chain.pem');
    expect(text).toContain('verify OK');
    expect(text).not.toContain(held.serialHex.toUpperCase());
    await expect(status.expireDue(systemContext())).resolves.toBe(0);
  });

  it('numbers CRLs upwards and answers garbage OCSP requests with malformedRequest', async () => {
    const numbers = await t.dataSource.query('SELECT crl_number FROM crls ORDER BY crl_number');
    const list = numbers.map((r: { crl_number: string }) => Number(r.crl_number));
    expect(list).toEqual([...list].sort((a, b) => a - b));
    expect(new Set(list).size).toBe(list.length);
    const res = await fetch(`${t.url}/pki/ocsp`, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: 'garbage',
    });
    ssl.file('bad.ocsp', Buffer.from(await res.arrayBuffer()));
    expect(() => ssl.run('ocsp', '-respin', 'bad.ocsp', '-resp_text', '-noverify')).toThrow(
      /Responder Error: malformedrequest/,
    );
  });
});
