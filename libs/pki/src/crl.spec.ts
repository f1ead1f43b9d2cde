import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toPem } from './bytes';
import { buildCrl, parseCrl, type RevokedEntry } from './crl';
import { issueCertificate, randomSerial } from './issue-certificate';
import { readCertificate } from './certificate-info';
import { createTestHierarchy, type TestHierarchy } from './testing/hierarchy';
import { rsaKeyPair } from './testing/keys';
import { OpensslWorkspace } from './testing/openssl';
import { webcrypto } from 'node:crypto';

const DAY = 24 * 3600 * 1000;

describe('CRL', () => {
  const ws = new OpensslWorkspace();
  let h: TestHierarchy;
  let leafSerial: string;
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);

  beforeAll(async () => {
    h = await createTestHierarchy();
    ws.file('chain.pem', toPem(h.issuing, 'CERTIFICATE') + toPem(h.root, 'CERTIFICATE'));
    ws.file('root.pem', toPem(h.root, 'CERTIFICATE'));
    ws.file('issuing.pem', toPem(h.issuing, 'CERTIFICATE'));
    const keys = await rsaKeyPair();
    leafSerial = randomSerial();
    const leaf = await issueCertificate({
      publicKey: new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
      subject: [{ type: 'CN', value: 'U139514691-00-090319' }],
      usage: 'SIGNING',
      serial: leafSerial,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 365 * DAY),
      profile: { policyOids: [], crlUrls: [], ocspUrls: [] },
      issuer: h.issuingCa,
    });
    ws.file('leaf.pem', toPem(leaf, 'CERTIFICATE'));
  });
  afterAll(() => ws.dispose());

  const crlOf = (entries: RevokedEntry[], crlNumber = 7) =>
    buildCrl({
      issuer: h.issuingCa,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 7 * DAY),
      crlNumber,
      entries,
    });

  it('is verified by openssl crl and lists every reason, certificateHold included', async () => {
    const crl = await crlOf([
      { serial: leafSerial, revokedAt: now, reason: 'CERTIFICATE_HOLD' },
      { serial: '0a1b', revokedAt: now, reason: 'KEY_COMPROMISE' },
      { serial: 'ff01', revokedAt: now, reason: 'SUPERSEDED' },
      { serial: '1234', revokedAt: now, reason: 'CESSATION_OF_OPERATION' },
      { serial: '5678', revokedAt: now, reason: 'AFFILIATION_CHANGED' },
      { serial: '9abc', revokedAt: now, reason: 'UNSPECIFIED' },
    ]);
    const out = ws.run([
      'crl',
      '-inform',
      'DER',
      '-in',
      ws.file('a.crl', crl),
      '-noout',
      '-text',
      '-CAfile',
      'chain.pem',
    ]);
    expect(out).toMatch(/verify OK/);
    expect(out).toContain('Version 2 (0x1)');
    expect(out).toMatch(/X509v3 CRL Number:\s+7/);
    expect(out).toContain('X509v3 Authority Key Identifier');
    expect(out).toMatch(new RegExp(`Serial Number: ${leafSerial.toUpperCase()}[\\s\\S]*?Certificate Hold`));
    for (const reason of ['Key Compromise', 'Superseded', 'Cessation Of Operation', 'Affiliation Changed']) {
      expect(out).toContain(reason);
    }
    expect(out).toContain('Serial Number: FF01');
    expect(out.match(/CRL Reason Code/g)).toHaveLength(5);
  });

  it('makes openssl verify -crl_check refuse a held certificate, and accept it once off the next CRL', async () => {
    const held = await crlOf([{ serial: leafSerial, revokedAt: now, reason: 'CERTIFICATE_HOLD' }], 8);
    ws.file('held.pem', toPem(held, 'X509 CRL'));
    const args = ['verify', '-crl_check', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-CRLfile'];
    expect(() => ws.run([...args, 'held.pem', 'leaf.pem'])).toThrow(/certificate revoked/);
    const unheld = await crlOf([{ serial: '0a1b', revokedAt: now, reason: 'KEY_COMPROMISE' }], 9);
    ws.file('unheld.pem', toPem(unheld, 'X509 CRL'));
    expect(ws.run([...args, 'unheld.pem', 'leaf.pem'])).toContain('leaf.pem: OK');
  });

  it('is refused by openssl when signed by another CA', async () => {
    const other = await createTestHierarchy();
    const crl = await buildCrl({
      issuer: other.issuingCa,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + DAY),
      crlNumber: 1,
      entries: [],
    });
    const out = ws
      .run(['crl', '-inform', 'DER', '-in', ws.file('b.crl', crl), '-noout', '-CAfile', 'chain.pem'])
      .toLowerCase();
    expect(out).not.toMatch(/verify ok/);
    expect(parseCrl(crl, readCertificate(h.issuing)).signatureValid).toBe(false);
  });

  it('parses back what it built, and an empty CRL', async () => {
    const entries: RevokedEntry[] = [
      { serial: leafSerial, revokedAt: now, reason: 'CERTIFICATE_HOLD' },
      { serial: '00ab', revokedAt: new Date(Date.UTC(2051, 0, 2, 3, 4, 5)), reason: 'UNSPECIFIED' },
    ];
    const parsed = parseCrl(await crlOf(entries, 2 ** 40), readCertificate(h.issuing));
    expect(parsed.signatureValid).toBe(true);
    expect(parsed.crlNumber).toBe(2n ** 40n);
    expect(parsed.thisUpdate).toEqual(now);
    expect(parsed.entries).toEqual([entries[0], { ...entries[1], serial: 'ab' }]);
    expect(Buffer.from(parsed.issuer)).toEqual(Buffer.from(readCertificate(h.issuing).subject));
    const empty = parseCrl(await crlOf([]), readCertificate(h.issuing));
    expect(empty.entries).toEqual([]);
    expect(empty.signatureValid).toBe(true);
  });

  it('builds a 100,000-entry CRL that openssl verifies and that parses back', async () => {
    const reasons = ['KEY_COMPROMISE', 'SUPERSEDED', 'CESSATION_OF_OPERATION', 'CERTIFICATE_HOLD'] as const;
    const entries: RevokedEntry[] = Array.from({ length: 100_000 }, (_, i) => ({
      serial: randomSerial(),
      revokedAt: new Date(now.getTime() - i * 1000),
      reason: reasons[i % reasons.length],
    }));
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const crl = await crlOf(entries);
    const built = performance.now();
    const parsed = parseCrl(crl, readCertificate(h.issuing));
    const done = performance.now();
    console.log(
      `100k CRL: ${(crl.byteLength / 1024 / 1024).toFixed(1)} MiB, build+sign ${(built - started).toFixed(0)} ms, ` +
        `parse+verify ${(done - built).toFixed(0)} ms, RSS +${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(0)} MiB`,
    );
    expect(parsed.signatureValid).toBe(true);
    expect(parsed.entries).toHaveLength(100_000);
    expect(parsed.entries[99_999]).toEqual(entries[99_999]);
    const out = ws.run(['crl', '-inform', 'DER', '-in', ws.file('big.crl', crl), '-noout', '-CAfile', 'chain.pem']);
    expect(out).toMatch(/verify OK/);
  });
});
