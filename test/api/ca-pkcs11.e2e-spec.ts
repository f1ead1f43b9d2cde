import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CertificateStatus } from '@app/contracts';
import { ActorChannel } from '@app/domain';
import { SoftHsm, SOFTHSM_MODULE } from '@app/pkcs11/testing/softhsm';
import { parseCsr } from '@app/pki';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { loadCa } from '@app/api/ca/ca-keystore';
import { openCaToken } from '@app/api/ca/ca-token';
import { CertificateStatusService } from '@app/api/ca/certificate-status.service';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { loadEnv } from '@app/api/config/env';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { issuanceRequest } from '../support/issuance-factory';
import { OpenSsl } from '../support/openssl';
import { TestApp } from '../support/test-app';

const PASS = 'ca-pkcs11-e2e-passphrase';
const TOKEN = 'CA HSM';
const PIN = '246810';
const KEY_LABEL = 'FXML CA';

describe('CA with its issuing key on a PKCS#11 token (SoftHSMv2, MariaDB, judged by OpenSSL)', () => {
  let hsm: SoftHsm;
  let t: TestApp;
  let ssl: OpenSsl;
  let caDir: string;
  let issuance: IssuanceService;

  beforeAll(async () => {
    // Before anything loads the module: SoftHSM reads its configuration in C_Initialize.
    hsm = new SoftHsm();
    hsm.initToken({ label: TOKEN, pin: PIN });
    ssl = new OpenSsl();
    caDir = ssl.path('ca');
    Object.assign(process.env, {
      CA_DIR: caDir,
      CA_KEY_PASSPHRASE: PASS,
      CA_KEY_STORE: 'pkcs11',
      CA_PKCS11_MODULE: SOFTHSM_MODULE,
      CA_PKCS11_TOKEN_LABEL: TOKEN,
      CA_PKCS11_PIN: PIN,
      CA_PKCS11_KEY_LABEL: KEY_LABEL,
      ISSUANCE_POLL_MS: '0',
      PKI_BASE_URL: 'http://ra.example.com.tw/pki',
    });
    const token = await openCaToken(loadEnv());
    try {
      await createCaHierarchy({
        dir: caDir,
        passphrase: PASS,
        organization: 'Test Bank',
        issuingToken: { session: token.session, keyLabel: KEY_LABEL },
      });
    } finally {
      await token.close();
    }
    t = await TestApp.start('ca-pkcs11');
    issuance = t.app.get(IssuanceService);
    ssl.file('chain.pem', await (await fetch(`${t.url}/pki/chain.pem`)).text());
    ssl.file('issuing.pem', readFileSync(`${caDir}/issuing.crt`));
    ssl.file('root.pem', readFileSync(`${caDir}/root.crt`));
  });
  afterAll(async () => {
    // Closing the app closes the CA's token session and finalises the module before the store
    // goes: a later suite may load SoftHSM afresh.
    await t?.close();
    hsm?.dispose();
    ssl?.close();
    for (const name of ['CA_DIR', 'CA_KEY_STORE', 'CA_PKCS11_MODULE', 'CA_PKCS11_TOKEN_LABEL', 'CA_PKCS11_PIN']) {
      delete process.env[name];
    }
  });

  async function requestCertificate(name: string) {
    const csr = await parseCsr(readFileSync(ssl.csr(name), 'utf8'));
    return t.dataSource.transaction((m) => issuance.request(m, systemContext(), issuanceRequest(csr)));
  }
  const row = (id: string) => t.dataSource.getRepository(Certificate).findOneByOrFail({ id });

  it('keeps the issuing key on the token only: sensitive, never extractable, and no key file in CA_DIR', () => {
    expect(readdirSync(caDir).sort()).toEqual(['issuing.crt', 'root.crt', 'root.key.pem']);
    const objects = hsm.pkcs11Tool(['--token-label', TOKEN, '--login', '--pin', PIN, '-O']);
    const privateKeys = objects.split(/\n(?=\S)/).filter((block) => block.startsWith('Private Key Object'));
    expect(privateKeys).toHaveLength(1);
    expect(objects).toMatch(new RegExp(`Public Key Object; RSA 3072 bits\\s+label:\\s+${KEY_LABEL}`));
    expect(privateKeys[0]).toMatch(new RegExp(`label:\\s+${KEY_LABEL}`));
    expect(privateKeys[0]).toMatch(/Access:\s+.*\bsensitive\b.*never extractable/);
    expect(ssl.run('verify', '-CAfile', 'root.pem', 'issuing.pem')).toContain('issuing.pem: OK');
  });

  it('signs a certificate on the token that OpenSSL accepts under root and issuing CA', async () => {
    const pending = await requestCertificate('leaf');
    await expect(issuance.signPending()).resolves.toBe(1);
    const issued = await row(pending.id);
    expect(issued.status).toBe(CertificateStatus.ISSUED);
    ssl.run('x509', '-inform', 'DER', '-in', ssl.file('leaf.der', issued.der!), '-out', 'leaf.pem');
    expect(ssl.run('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'leaf.pem')).toContain('leaf.pem: OK');
    expect(ssl.run('x509', '-in', 'leaf.pem', '-noout', '-text')).toContain('sha256WithRSAEncryption');
  });

  it('signs the CRL on the token, before and after a revocation', async () => {
    const crlText = async () => {
      const res = await fetch(`${t.url}/pki/crl`);
      ssl.file('current.crl', Buffer.from(await res.arrayBuffer()));
      return ssl.run('crl', '-inform', 'DER', '-in', 'current.crl', '-noout', '-text', '-CAfile', 'chain.pem');
    };
    expect(await crlText()).toContain('verify OK');

    const c = await requestCertificate('revoked');
    await issuance.signPending();
    await t.dataSource.getRepository(Certificate).update({ id: c.id }, { status: CertificateStatus.ACTIVE });
    await t.app.get(CertificateStatusService).revoke(systemContext(), c.id, 'KEY_COMPROMISE', ActorChannel.COUNTER);
    const crl = await crlText();
    expect(crl).toContain('verify OK');
    expect(crl).toMatch(new RegExp(`${c.serialHex.toUpperCase()}[\\s\\S]*Key Compromise`));
  });

  it('refuses to start on a token key that the issuing certificate does not certify', async () => {
    const other = ssl.path('other-ca');
    mkdirSync(other);
    copyFileSync(`${caDir}/root.crt`, `${other}/root.crt`);
    copyFileSync(`${caDir}/root.crt`, `${other}/issuing.crt`);
    await expect(loadCa(loadEnv({ ...process.env, CA_DIR: other }))).rejects.toThrow(
      `The key labelled "${KEY_LABEL}" on token "${TOKEN}" is not the key of ${other}/issuing.crt`,
    );
  });
});
