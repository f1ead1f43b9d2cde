import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSubjectDn, DEFAULT_DN_TEMPLATE, type DnAttribute } from '@app/domain';
import { toPem } from './bytes';
import { readCertificate } from './certificate-info';
import { type EndEntityProfile } from './certificate-profile';
import { createCsr, parseCsr } from './csr';
import { issueCertificate, randomSerial, serialInteger } from './issue-certificate';
import { createTestHierarchy, type TestHierarchy } from './testing/hierarchy';
import { rsaKeyPair } from './testing/keys';
import { OpensslWorkspace } from './testing/openssl';

const SUBJECT: DnAttribute[] = buildSubjectDn(DEFAULT_DN_TEMPLATE, {
  bankCode: '0060000',
  bankName: '合作金庫商業銀行',
  certType: 'FXML',
  cn: 'U139514691-00-090319',
});

const PROFILE: EndEntityProfile = {
  policyOids: ['1.3.6.1.4.1.99999.1.2'],
  crlUrls: ['http://ra.example.tw/pki/crl'],
  ocspUrls: ['http://ra.example.tw/pki/ocsp'],
  caIssuersUrls: ['http://ra.example.tw/pki/ca.crt'],
};

describe('issueCertificate', () => {
  const ws = new OpensslWorkspace();
  let h: TestHierarchy;
  let publicKey: Uint8Array;
  const issued: Partial<Record<'SIGNING' | 'ENCRYPTION', Uint8Array>> = {};
  const now = Date.now();

  beforeAll(async () => {
    h = await createTestHierarchy();
    ws.file('root.pem', toPem(h.root, 'CERTIFICATE'));
    ws.file('issuing.pem', toPem(h.issuing, 'CERTIFICATE'));
    // The CSR claims another subject: the certificate must carry the RA's.
    const csr = await parseCsr(
      await createCsr({ subject: [{ type: 'CN', value: 'whatever I like' }], keyPair: await rsaKeyPair() }),
    );
    publicKey = csr.publicKey;
    for (const usage of ['SIGNING', 'ENCRYPTION'] as const) {
      issued[usage] = await issueCertificate({
        publicKey,
        subject: SUBJECT,
        usage,
        serial: randomSerial(),
        notBefore: new Date(now - 60_000),
        notAfter: new Date(now + 365 * 24 * 3600 * 1000),
        profile: PROFILE,
        issuer: h.issuingCa,
      });
      ws.file(`${usage}.pem`, toPem(issued[usage], 'CERTIFICATE'));
    }
  });
  afterAll(() => ws.dispose());

  it('chains: openssl verify accepts root → issuing → leaf', () => {
    for (const usage of ['SIGNING', 'ENCRYPTION']) {
      expect(ws.run(['verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', `${usage}.pem`])).toContain(
        `${usage}.pem: OK`,
      );
    }
  });

  it('is refused by openssl verify when the issuing CA is not the one that signed', async () => {
    const other = await createTestHierarchy();
    ws.file('other-issuing.pem', toPem(other.issuing, 'CERTIFICATE'));
    ws.file('other-root.pem', toPem(other.root, 'CERTIFICATE'));
    expect(() =>
      ws.run(['verify', '-CAfile', 'other-root.pem', '-untrusted', 'other-issuing.pem', 'SIGNING.pem']),
    ).toThrow();
  });

  it('shows the profile in openssl x509 -text: usages, CA:FALSE, SKI/AKI, policy, CDP, AIA', () => {
    const sign = ws.run(['x509', '-in', 'SIGNING.pem', '-noout', '-text']);
    expect(sign).toContain('Version: 3 (0x2)');
    expect(sign).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(sign).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(sign).toContain('X509v3 Subject Key Identifier');
    expect(sign).toContain('X509v3 Authority Key Identifier');
    expect(sign).toMatch(/X509v3 Certificate Policies:\s+Policy: 1\.3\.6\.1\.4\.1\.99999\.1\.2/);
    expect(sign).toMatch(/X509v3 CRL Distribution Points:\s+Full Name:\s+URI:http:\/\/ra\.example\.tw\/pki\/crl/);
    expect(sign).toContain('OCSP - URI:http://ra.example.tw/pki/ocsp');
    expect(sign).toContain('CA Issuers - URI:http://ra.example.tw/pki/ca.crt');
    expect(sign).toContain('Signature Algorithm: sha256WithRSAEncryption');
    const enc = ws.run(['x509', '-in', 'ENCRYPTION.pem', '-noout', '-text']);
    expect(enc).toMatch(/X509v3 Key Usage: critical\s+Key Encipherment, Data Encipherment\n/);
  });

  it('carries the RA subject in order with the Chinese OU, not the CSR subject', () => {
    const out = ws.run(['x509', '-in', 'SIGNING.pem', '-noout', '-subject', '-issuer', '-nameopt', 'RFC2253,-esc_msb']);
    expect(out).toContain(
      'subject=CN=U139514691-00-090319,OU=FXML,OU=0060000-合作金庫商業銀行,OU=TWCA Financial User CA,O=Finance,C=TW',
    );
    expect(out).toContain('issuer=CN=FXML CA,O=Test Bank,C=TW');
  });

  it('uses the AKI of the issuing CA SKI and the CSR key', () => {
    const ski = (file: string) =>
      /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(ws.run(['x509', '-in', file, '-noout', '-text']))?.[1];
    const aki = /Authority Key Identifier:\s+(?:keyid:)?([0-9A-F:]+)/.exec(
      ws.run(['x509', '-in', 'SIGNING.pem', '-noout', '-text']),
    )?.[1];
    expect(aki).toBeDefined();
    expect(aki).toBe(ski('issuing.pem'));
    expect(Buffer.from(readCertificate(issued.SIGNING!).publicKey)).toEqual(Buffer.from(publicKey));
  });

  it('writes the given serial as a positive INTEGER of 16 octets', () => {
    const info = readCertificate(issued.SIGNING!);
    expect(info.serial).toMatch(/^(0[1-9a-f]|[1-7][0-9a-f])[0-9a-f]{30}$/);
    const shown = ws.run(['x509', '-in', 'SIGNING.pem', '-noout', '-serial']).trim();
    expect(shown).toBe(`serial=${info.serial.toUpperCase()}`);
  });

  it('makes serials that are 128-bit, positive and distinct', () => {
    const serials = new Set(Array.from({ length: 100_000 }, randomSerial));
    expect(serials.size).toBe(100_000);
    const malformed = [...serials].filter((s) => !/^(0[1-9a-f]|[1-7][0-9a-f])[0-9a-f]{30}$/.test(s));
    expect(malformed).toEqual([]);
    expect(() => serialInteger('00')).toThrow(RangeError);
    expect(() => serialInteger('ff'.repeat(21))).toThrow(RangeError);
    expect(Buffer.from(serialInteger('80')).toString('hex')).toBe('02020080');
  });

  it('marks the CAs: root self-signed CA:TRUE, issuing CA:TRUE pathlen:0, keyCertSign + cRLSign', () => {
    const root = ws.run(['x509', '-in', 'root.pem', '-noout', '-text']);
    expect(root).toMatch(/CA:TRUE\n/);
    expect(root).not.toContain('Authority Key Identifier');
    const issuing = ws.run(['x509', '-in', 'issuing.pem', '-noout', '-text']);
    expect(issuing).toMatch(/CA:TRUE, pathlen:0/);
    expect(issuing).toMatch(/Key Usage: critical\s+Digital Signature, Certificate Sign, CRL Sign/);
    expect(ws.run(['verify', '-CAfile', 'root.pem', 'issuing.pem'])).toContain('issuing.pem: OK');
  });
});
