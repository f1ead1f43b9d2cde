import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { pdfText } from '@app/pdf/pdf-text';
import { parseCsr } from '@app/pki';
import { readFileSync } from 'node:fs';
import { issuanceRequest } from '../support/issuance-factory';
import { OpenSsl } from '../support/openssl';
import { TestApp } from '../support/test-app';

const PASS = 'documents-e2e-passphrase';

describe('proof sheets (MariaDB, certificate from the real CA)', () => {
  let t: TestApp;
  let ssl: OpenSsl;
  let issuance: IssuanceService;

  beforeAll(async () => {
    ssl = new OpenSsl();
    process.env.CA_DIR = ssl.path('ca');
    process.env.CA_KEY_PASSPHRASE = PASS;
    process.env.ISSUANCE_POLL_MS = '0';
    await createCaHierarchy({ dir: process.env.CA_DIR, passphrase: PASS, organization: 'Test Bank' });
    t = await TestApp.start('documents');
    issuance = t.app.get(IssuanceService);
  });
  afterAll(async () => {
    await t?.close();
    ssl?.close();
    delete process.env.CA_DIR;
    delete process.env.CA_KEY_PASSPHRASE;
    delete process.env.ISSUANCE_POLL_MS;
  });

  async function requestCertificate(name: string): Promise<Certificate> {
    const csr = await parseCsr(readFileSync(ssl.csr(name), 'utf8'));
    return t.dataSource.transaction((m) => issuance.request(m, systemContext(), issuanceRequest(csr)));
  }

  const printProofSheet = async (token: string, id: string) => {
    const res = await fetch(`${t.url}/documents/certificates/${id}/proof-sheet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: Buffer.from(await res.arrayBuffer()),
    };
  };

  it('prints what OpenSSL reads from the certificate, with the print audited', async () => {
    const pending = await requestCertificate('proof');
    await issuance.signPending();
    const issued = await t.dataSource.getRepository(Certificate).findOneByOrFail({ id: pending.id });
    ssl.file('proof.der', issued.der!);
    const fingerprint = ssl
      .run('x509', '-inform', 'DER', '-in', 'proof.der', '-noout', '-fingerprint', '-sha256')
      .trim()
      .split('=')[1];
    const serial = ssl.run('x509', '-inform', 'DER', '-in', 'proof.der', '-noout', '-serial').trim().split('=')[1];

    const teller = await t.signIn('teller01');
    const res = await printProofSheet(teller, issued.id);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = pdfText(res.body);
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('憑證證明單');
    expect(text).toContain(issued.commonName);
    expect(text).toContain('待下載');
    expect(text).toContain('CN=FXML CA');
    expect(flat).toContain(
      fingerprint
        .replace(/:/g, '')
        .replace(/(..)(?!$)/g, '$1:')
        .slice(0, 47),
    );
    expect(flat.replace(/:/g, '')).toContain(fingerprint.replace(/:/g, ''));
    expect(flat.replace(/:/g, '')).toContain(serial.toUpperCase().replace(/^0+/, ''));

    const events = await t.dataSource.query(
      "SELECT actor_role, branch_code, `after` FROM audit_events WHERE action = 'CERTIFICATE_PROOF_SHEET_PRINTED' AND target_id = ?",
      [issued.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_role: 'TELLER', branch_code: '0060000' });
    expect(JSON.parse(events[0].after).serialHex).toBe(issued.serialHex.replace(/^0+/, ''));
  });

  it('keeps other branches out and says when the CA is still issuing (6025)', async () => {
    const pending = await requestCertificate('pending');
    const foreign = await printProofSheet(await t.signIn('teller02'), pending.id);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body.toString())).toMatchObject({ code: 'OUT_OF_BRANCH' });
    const issuing = await printProofSheet(await t.signIn('supervisor01'), pending.id);
    expect(issuing.status).toBe(409);
    expect(JSON.parse(issuing.body.toString())).toMatchObject({ code: 'CA_ISSUING', faq: '/faq#CA_ISSUING' });
    const missing = await printProofSheet(await t.signIn('admin01'), '00000000-0000-4000-8000-0000000000ff');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toMatchObject({
      code: 'CERTIFICATE_NOT_FOUND',
      message: 'No such certificate.',
    });
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_PROOF_SHEET_PRINTED' AND target_id = ?",
      [pending.id],
    );
    expect(Number(n)).toBe(0);
  });
});
