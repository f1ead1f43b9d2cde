import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { type webcrypto } from 'node:crypto';
import { buildSubjectDn, DEFAULT_DN_TEMPLATE, type DnAttribute } from '@app/domain';
import { toPem } from './bytes';
import { checkCsrSubject, createCsr, DEFAULT_KEY_POLICY, parseCsr } from './csr';
import { OpensslWorkspace } from './testing/openssl';
import { p256KeyPair, rsaKeyPair } from './testing/keys';
import { codeOf } from '@app/contracts/testing/domain-error';

const SUBJECT: DnAttribute[] = buildSubjectDn(DEFAULT_DN_TEMPLATE, {
  bankCode: '0060000',
  bankName: '合作金庫商業銀行',
  certType: 'FXML',
  cn: 'U139514691-00-090319',
});

describe('PKCS#10', () => {
  const ws = new OpensslWorkspace();
  let keys: webcrypto.CryptoKeyPair;
  let ours: Uint8Array;
  let opensslPem: string;

  beforeAll(async () => {
    keys = await rsaKeyPair();
    ours = await createCsr({ subject: SUBJECT, keyPair: keys });
    ws.run([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'r.pem',
      '-utf8',
      '-subj',
      '/C=TW/O=Finance/OU=FXML/CN=U139514691-00-090319',
    ]);
    opensslPem = readFileSync(`${ws.dir}/r.pem`, 'utf8');
  });
  afterAll(() => ws.dispose());

  describe('createCsr', () => {
    it('makes a request OpenSSL verifies, with separate RDNs in order and the Chinese value intact', () => {
      const path = ws.file('ours.pem', toPem(ours, 'CERTIFICATE REQUEST'));
      const out = ws.run(['req', '-in', path, '-verify', '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb']);
      expect(out).toMatch(/verify OK/i);
      expect(out).toContain(
        'subject=CN=U139514691-00-090319,OU=FXML,OU=0060000-合作金庫商業銀行,OU=TWCA Financial User CA,O=Finance,C=TW',
      );
    });

    it('signs with an ECDSA P-256 key too', async () => {
      const ec = await createCsr({ subject: SUBJECT, keyPair: await p256KeyPair() });
      const out = ws.run(['req', '-in', ws.file('ec.pem', toPem(ec, 'CERTIFICATE REQUEST')), '-verify', '-noout']);
      expect(out).toMatch(/verify OK/i);
      const parsed = await parseCsr(ec, { keyPolicy: { ...DEFAULT_KEY_POLICY, allowP256: true } });
      expect(parsed.keyAlgorithm).toBe('EC-P256');
      expect(await codeOf(parseCsr(ec))).toBe('CSR_KEY_TOO_WEAK');
    });
  });

  describe('parseCsr', () => {
    it('accepts an OpenSSL request as PEM text, PEM bytes and DER', async () => {
      const fromText = await parseCsr(opensslPem);
      expect(fromText.keyAlgorithm).toBe('RSA');
      expect(fromText.keyBits).toBe(2048);
      expect(fromText.subject.rfc4514).toBe('CN=U139514691-00-090319,OU=FXML,O=Finance,C=TW');
      const der = ws.runBinary(['req', '-in', 'r.pem', '-outform', 'DER']);
      const fromDer = await parseCsr(new Uint8Array(der));
      expect(Buffer.from(fromDer.der)).toEqual(der);
      expect(Buffer.from(fromDer.publicKey)).toEqual(Buffer.from(fromText.publicKey));
      expect((await parseCsr(new Uint8Array(Buffer.from(opensslPem)))).keyBits).toBe(2048);
    });

    it('returns the SubjectPublicKeyInfo that OpenSSL sees in the request', async () => {
      const parsed = await parseCsr(ours);
      const spki = ws.runBinary(['req', '-in', 'ours.pem', '-noout', '-pubkey']).toString();
      const spkiDer = ws.runBinary(['pkey', '-pubin', '-in', ws.file('pub.pem', spki), '-outform', 'DER']);
      expect(Buffer.from(parsed.publicKey)).toEqual(spkiDer);
      expect(parsed.subject.rdns.map((r) => r[0].type)).toEqual(['C', 'O', 'OU', 'OU', 'OU', 'CN']);
    });

    it('rejects a request whose signed part was changed: CSR_SIGNATURE_INVALID', async () => {
      const tampered = Buffer.from(ours);
      const at = tampered.indexOf(Buffer.from('U139514691'));
      tampered[at] = 'A'.charCodeAt(0);
      expect(await codeOf(parseCsr(new Uint8Array(tampered)))).toBe('CSR_SIGNATURE_INVALID');
    });

    it('accepts SHA-384/512 RSA signatures and refuses SHA-1 and RSA-PSS: CSR_SIGNATURE_INVALID', async () => {
      const req = (name: string, ...opts: string[]) => {
        ws.run(['req', '-new', '-key', 'k.pem', '-out', name, '-subj', '/CN=x', ...opts]);
        return readFileSync(`${ws.dir}/${name}`, 'utf8');
      };
      expect((await parseCsr(req('r512.pem', '-sha512'))).keyBits).toBe(2048);
      expect(await codeOf(parseCsr(req('r-sha1.pem', '-sha1')))).toBe('CSR_SIGNATURE_INVALID');
      const pss = req('r-pss.pem', '-sigopt', 'rsa_padding_mode:pss', '-sha256');
      expect(ws.run(['req', '-in', 'r-pss.pem', '-noout', '-text'])).toContain('rsassaPss');
      expect(await codeOf(parseCsr(pss))).toBe('CSR_SIGNATURE_INVALID');
    });

    it('rejects RSA-1024 and a modulus that is not a whole number of bytes: CSR_KEY_TOO_WEAK', async () => {
      ws.run(['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-keyout', 'k1.pem', '-out', 'r1.pem', '-subj', '/CN=x']);
      expect(await codeOf(parseCsr(readFileSync(`${ws.dir}/r1.pem`, 'utf8')))).toBe('CSR_KEY_TOO_WEAK');
      ws.run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2052', '-out', 'k2.pem']);
      ws.run(['req', '-new', '-key', 'k2.pem', '-out', 'r2.pem', '-subj', '/CN=x']);
      expect(await codeOf(parseCsr(readFileSync(`${ws.dir}/r2.pem`, 'utf8')))).toBe('CSR_KEY_TOO_WEAK');
    });

    it('rejects garbage, a certificate-shaped PEM and sloppy lengths: CSR_MALFORMED', async () => {
      expect(await codeOf(parseCsr(new Uint8Array([0x30, 0x82, 0x01])))).toBe('CSR_MALFORMED');
      expect(await codeOf(parseCsr('hello'))).toBe('CSR_MALFORMED');
      expect(await codeOf(parseCsr(opensslPem.replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE')))).toBe('CSR_MALFORMED');
      const trailing = new Uint8Array([...ours, 0]);
      expect(await codeOf(parseCsr(trailing))).toBe('CSR_MALFORMED');
    });

    it('rejects input over the size limit before parsing it: CSR_TOO_LARGE', async () => {
      expect(await codeOf(parseCsr(new Uint8Array(2 * 1024 * 1024)))).toBe('CSR_TOO_LARGE');
      expect(await codeOf(parseCsr(opensslPem, { maxBytes: 100 }))).toBe('CSR_TOO_LARGE');
    });
  });

  describe('checkCsrSubject', () => {
    it('passes the assigned CN and refuses another one: CSR_SUBJECT_MISMATCH', async () => {
      const parsed = await parseCsr(ours);
      expect(() => checkCsrSubject(parsed, 'U139514691-00-090319')).not.toThrow();
      expect(() => checkCsrSubject(parsed, 'U139514691-01-090319')).toThrow(
        expect.objectContaining({ code: 'CSR_SUBJECT_MISMATCH' }) as unknown as Error,
      );
    });
  });
});
