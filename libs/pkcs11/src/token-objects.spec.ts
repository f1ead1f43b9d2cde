import { createPublicKey, verify, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EndEntityProfile, issueCertificate, parseCsr, randomSerial, readCertificate } from '@app/pki';
import { createTestHierarchy, type TestHierarchy } from '@app/pki/testing/hierarchy';
import { rsaKeyPair } from '@app/pki/testing/keys';
import { generateKeyPair, signWithKey, type TokenKeyPair } from './key-pairs';
import { openTestToken, type TestToken } from './testing/softhsm';
import { createTokenCsr } from './token-csr';
import { deleteCertificateWithKeys, listCertificates, writeCaCertificate, writeCertificate } from './token-objects';

const PROFILE: EndEntityProfile = { policyOids: ['1.3.6.1.4.1.99999.1.2'], crlUrls: [], ocspUrls: [] };
const CN = 'U139514691-00-090319';

describe('certificate objects on SoftHSM', () => {
  let t: TestToken;
  let h: TestHierarchy;
  let key: TokenKeyPair;
  let certificate: Uint8Array;
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const objects = () => t.hsm.pkcs11Tool(['--token-label', t.label, '--login', '--pin', t.pin, '-O']).split(/\n(?=\S)/);

  const issue = async (publicKey: Uint8Array) =>
    issueCertificate({
      publicKey,
      subject: [{ type: 'CN', value: CN }],
      usage: 'SIGNING',
      serial: randomSerial(),
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 365 * 24 * 3600 * 1000),
      profile: PROFILE,
      issuer: h.issuingCa,
    });

  beforeAll(async () => {
    [t, h] = await Promise.all([openTestToken({ label: 'objects-spec' }), createTestHierarchy()]);
    key = await generateKeyPair(t.session, { label: 'FXML signing', usage: 'SIGNING' });
    const csr = await parseCsr(
      await createTokenCsr(t.session, { keyId: key.id, subject: [{ type: 'CN', value: CN }] }),
    );
    certificate = await issue(csr.publicKey);
  });

  afterAll(async () => {
    await t.dispose();
  });

  it('writes the certificate next to its keys with the same CKA_ID, and the CA chain without one', async () => {
    expect(hex(await writeCertificate(t.session, certificate))).toBe(hex(key.id));
    expect(hex(await writeCertificate(t.session, certificate))).toBe(hex(key.id));
    await writeCaCertificate(t.session, h.issuing, 'FXML CA');
    await writeCaCertificate(t.session, h.root, 'Test Root CA');

    const listed = await listCertificates(t.session);
    expect(listed).toHaveLength(3);
    const mine = listed.find((c) => hex(c.id) === hex(key.id));
    expect(mine).toMatchObject({ label: 'FXML signing', authority: false, hasPrivateKey: true });
    expect(readCertificate(mine!.der).serial).toBe(readCertificate(certificate).serial);
    expect(listed.filter((c) => c.authority).map((c) => [c.label, c.id.byteLength, c.hasPrivateKey])).toEqual(
      expect.arrayContaining([
        ['FXML CA', 0, false],
        ['Test Root CA', 0, false],
      ]),
    );

    const cert = objects().find((o) => o.startsWith('Certificate Object') && o.includes(hex(key.id))) ?? '';
    expect(cert).toMatch(/label:\s+FXML signing/);
    expect(cert).toContain(`subject:    DN: CN=${CN}`);
  });

  it('refuses a certificate whose private key is not on the token (80092004)', async () => {
    const foreign = await rsaKeyPair();
    const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', foreign.publicKey));
    await expect(writeCertificate(t.session, await issue(spki))).rejects.toMatchObject({
      code: 'PRIVATE_KEY_NOT_FOUND',
    });
  });

  it('signs a challenge with the key of a CKA_ID', async () => {
    const challenge = Buffer.from('kiosk challenge 42');
    const signature = await signWithKey(t.session, key.id, challenge);
    const publicKey = createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' });
    expect(verify('sha256', challenge, publicKey, signature)).toBe(true);
  });

  it('deletes a certificate together with its keys, leaving the CA chain', async () => {
    expect(await deleteCertificateWithKeys(t.session, key.id)).toEqual({
      certificates: 1,
      privateKeys: 1,
      publicKeys: 1,
    });
    expect(objects().filter((o) => o.includes(hex(key.id)))).toEqual([]);
    const left = await listCertificates(t.session);
    expect(left.map((c) => c.label).sort()).toEqual(['FXML CA', 'Test Root CA']);
  });

  it('lists certificates without login, not guessing whether their keys exist', async () => {
    await t.session.logout();
    try {
      expect((await listCertificates(t.session)).map((c) => c.hasPrivateKey)).toEqual([undefined, undefined]);
    } finally {
      await t.session.login(t.pin);
    }
  });
});
