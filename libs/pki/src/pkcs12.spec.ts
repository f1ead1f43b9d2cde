import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { toPem } from './bytes';
import { buildPkcs12, parsePkcs12 } from './pkcs12';
import { OpensslWorkspace } from './testing/openssl';
import { codeOf } from '@app/contracts/testing/domain-error';

const PASSWORD = 'Backup-2024!';
const CHINESE_PASSWORD = '備份密碼：合庫１２３';

describe('PKCS#12', () => {
  const ws = new OpensslWorkspace();
  let key: Uint8Array;
  let leaf: Uint8Array;
  let ca: Uint8Array;
  let ours: Uint8Array;

  const der = (args: string[]) => new Uint8Array(ws.runBinary(args));
  const modulus = (keyFile: string) => ws.run(['rsa', '-in', keyFile, '-noout', '-modulus']).trim();

  beforeAll(async () => {
    ws.run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/C=TW/CN=Test FXML CA',
    ]);
    ws.run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'k.pem']);
    ws.run(['req', '-new', '-key', 'k.pem', '-out', 'r.pem', '-subj', '/C=TW/CN=U139514691-00-090319']);
    ws.run(['x509', '-req', '-in', 'r.pem', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', 'c.pem', '-days', '1']);
    key = der(['pkcs8', '-topk8', '-nocrypt', '-in', 'k.pem', '-outform', 'DER']);
    leaf = der(['x509', '-in', 'c.pem', '-outform', 'DER']);
    ca = der(['x509', '-in', 'ca.pem', '-outform', 'DER']);
    ours = await buildPkcs12({
      privateKeyPkcs8: key,
      certificate: leaf,
      chain: [ca],
      password: PASSWORD,
      friendlyName: 'FXML 憑證',
    });
    ws.file('ours.p12', ours);
  }, 30_000);
  afterAll(() => ws.dispose());

  describe('buildPkcs12', () => {
    it('makes a file OpenSSL opens with the password: same key, same certificate, the chain', () => {
      const out = ws.run(['pkcs12', '-in', 'ours.p12', '-passin', `pass:${PASSWORD}`, '-nodes', '-out', 'out.pem']);
      expect(out).not.toMatch(/error/i);
      const pem = readFileSync(`${ws.dir}/out.pem`, 'utf8');
      expect(modulus('out.pem')).toBe(modulus('k.pem'));
      expect(pem).toContain(toPem(leaf, 'CERTIFICATE'));
      expect(pem).toContain(toPem(ca, 'CERTIFICATE'));
    });

    it('writes the friendly name as OpenSSL does for `-name`', () => {
      ws.run([
        'pkcs12',
        '-export',
        '-inkey',
        'k.pem',
        '-in',
        'c.pem',
        '-name',
        'FXML 憑證',
        '-passout',
        `pass:${PASSWORD}`,
        '-out',
        'named.p12',
      ]);
      // OpenSSL 3.0 prints a BMPString attribute one low byte per character, so compare with its own file.
      const friendlyName = (file: string) =>
        /friendlyName: (.*)/.exec(
          ws.run(['pkcs12', '-in', file, '-passin', `pass:${PASSWORD}`, '-nokeys', '-clcerts']),
        )?.[1];
      expect(friendlyName('ours.p12')).toMatch(/^FXML /);
      expect(friendlyName('ours.p12')).toBe(friendlyName('named.p12'));
    });

    it('uses PBES2 with AES-256-CBC, PBKDF2-HMAC-SHA256 and a SHA-256 MAC, 100,000 iterations', () => {
      const info = ws.run(['pkcs12', '-in', 'ours.p12', '-passin', `pass:${PASSWORD}`, '-info', '-noout']);
      expect(info).toContain('MAC: sha256, Iteration 100000');
      expect(info).toContain('PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256');
      expect(info).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256');
    });

    it('is refused by OpenSSL with a wrong password', () => {
      const res = ws.runStatus(['pkcs12', '-in', 'ours.p12', '-passin', 'pass:backup-2024!', '-info', '-noout']);
      expect(res.status).not.toBe(0);
      expect(res.out).toMatch(/mac verify (error|failure)/i);
    });

    it('can leave the certificates unencrypted, and OpenSSL still opens it', async () => {
      const plain = await buildPkcs12({
        privateKeyPkcs8: key,
        certificate: leaf,
        password: PASSWORD,
        encryptCertificates: false,
      });
      const info = ws.run([
        'pkcs12',
        '-in',
        ws.file('plain.p12', plain),
        '-passin',
        `pass:${PASSWORD}`,
        '-info',
        '-nodes',
      ]);
      expect(info).not.toContain('PKCS7 Encrypted data');
      expect(info).toContain(toPem(leaf, 'CERTIFICATE'));
      const back = await parsePkcs12(plain, PASSWORD);
      expect(Buffer.from(back.certificate)).toEqual(Buffer.from(leaf));
      expect(back.chain).toEqual([]);
    });

    it('refuses fewer than 100,000 iterations, an empty password and a key that is not the certificate’s', async () => {
      await expect(
        buildPkcs12({ privateKeyPkcs8: key, certificate: leaf, password: PASSWORD, iterations: 2048 }),
      ).rejects.toThrow(RangeError);
      expect(await codeOf(buildPkcs12({ privateKeyPkcs8: key, certificate: leaf, password: '' }))).toBe(
        'BAD_USER_INPUT',
      );
      const caKey = der(['pkcs8', '-topk8', '-nocrypt', '-in', 'ca.key', '-outform', 'DER']);
      expect(await codeOf(buildPkcs12({ privateKeyPkcs8: caKey, certificate: leaf, password: PASSWORD }))).toBe(
        'PKCS12_KEY_MISMATCH',
      );
    });
  });

  describe('parsePkcs12', () => {
    /** The key, leaf and CA certificate the suite started from, byte for byte. */
    const expectOriginals = (back: { privateKeyPkcs8: Uint8Array; certificate: Uint8Array; chain: Uint8Array[] }) => {
      expect(Buffer.from(back.privateKeyPkcs8)).toEqual(Buffer.from(key));
      expect(Buffer.from(back.certificate)).toEqual(Buffer.from(leaf));
      expect(back.chain.map((c) => Buffer.from(c))).toEqual([Buffer.from(ca)]);
    };

    it('reads back what it built', async () => {
      const back = await parsePkcs12(ours, PASSWORD);
      expectOriginals(back);
    });

    it('reads an OpenSSL 3 default export (PBES2, AES-256-CBC, SHA-256 MAC) to the same key and certificates', async () => {
      ws.run([
        'pkcs12',
        '-export',
        '-inkey',
        'k.pem',
        '-in',
        'c.pem',
        '-certfile',
        'ca.pem',
        '-passout',
        `pass:${PASSWORD}`,
        '-out',
        'ossl.p12',
      ]);
      const back = await parsePkcs12(readFileSync(`${ws.dir}/ossl.p12`), PASSWORD);
      expectOriginals(back);
    });

    it('takes a Chinese password both ways', async () => {
      ws.run([
        'pkcs12',
        '-export',
        '-inkey',
        'k.pem',
        '-in',
        'c.pem',
        '-passout',
        `pass:${CHINESE_PASSWORD}`,
        '-out',
        'zh.p12',
      ]);
      const fromOpenssl = await parsePkcs12(readFileSync(`${ws.dir}/zh.p12`), CHINESE_PASSWORD);
      expect(Buffer.from(fromOpenssl.certificate)).toEqual(Buffer.from(leaf));

      const p12 = await buildPkcs12({ privateKeyPkcs8: key, certificate: leaf, password: CHINESE_PASSWORD });
      ws.file('ours-zh.p12', p12);
      ws.run(['pkcs12', '-in', 'ours-zh.p12', '-passin', `pass:${CHINESE_PASSWORD}`, '-nodes', '-out', 'zh.pem']);
      expect(modulus('zh.pem')).toBe(modulus('k.pem'));
      expect(
        ws.runStatus(['pkcs12', '-in', 'ours-zh.p12', '-passin', 'pass:備份密碼', '-info', '-noout']).status,
      ).not.toBe(0);
    });

    it('tells a wrong password apart: PKCS12_PASSWORD_WRONG', async () => {
      expect(await codeOf(parsePkcs12(ours, 'backup-2024!'))).toBe('PKCS12_PASSWORD_WRONG');
      expect(await codeOf(parsePkcs12(readFileSync(`${ws.dir}/ossl.p12`), ''))).toBe('PKCS12_PASSWORD_WRONG');
    });

    it('rejects garbage, trailing bytes and sloppy lengths: PKCS12_MALFORMED', async () => {
      expect(await codeOf(parsePkcs12(new Uint8Array([0x30, 0x82, 0x01]), PASSWORD))).toBe('PKCS12_MALFORMED');
      expect(await codeOf(parsePkcs12(new Uint8Array(Buffer.from('hello')), PASSWORD))).toBe('PKCS12_MALFORMED');
      expect(await codeOf(parsePkcs12(new Uint8Array([...ours, 0]), PASSWORD))).toBe('PKCS12_MALFORMED');
      expect(await codeOf(parsePkcs12(leaf, PASSWORD))).toBe('PKCS12_MALFORMED');
      const longForm = new Uint8Array([0x30, 0x81, 0x03, 0x02, 0x01, 0x03]);
      expect(await codeOf(parsePkcs12(longForm, PASSWORD))).toBe('PKCS12_MALFORMED');
    });

    it('refuses legacy protection (3DES, SHA-1 MAC) and files without a MAC: PKCS12_UNSUPPORTED', async () => {
      const legacy = ws.runStatus([
        'pkcs12',
        '-export',
        '-inkey',
        'k.pem',
        '-in',
        'c.pem',
        '-passout',
        `pass:${PASSWORD}`,
        '-out',
        'legacy.p12',
        '-keypbe',
        'PBE-SHA1-3DES',
        '-certpbe',
        'PBE-SHA1-3DES',
        '-macalg',
        'sha1',
      ]);
      expect(legacy.status).toBe(0);
      expect(await codeOf(parsePkcs12(readFileSync(`${ws.dir}/legacy.p12`), PASSWORD))).toBe('PKCS12_UNSUPPORTED');
      ws.run([
        'pkcs12',
        '-export',
        '-inkey',
        'k.pem',
        '-in',
        'c.pem',
        '-passout',
        `pass:${PASSWORD}`,
        '-nomac',
        '-out',
        'nomac.p12',
      ]);
      expect(await codeOf(parsePkcs12(readFileSync(`${ws.dir}/nomac.p12`), PASSWORD))).toBe('PKCS12_UNSUPPORTED');
    });

    it('rejects input over the size limit before reading it: PKCS12_TOO_LARGE', async () => {
      expect(await codeOf(parsePkcs12(new Uint8Array(2 * 1024 * 1024), PASSWORD))).toBe('PKCS12_TOO_LARGE');
      expect(await codeOf(parsePkcs12(ours, PASSWORD, { maxBytes: 1000 }))).toBe('PKCS12_TOO_LARGE');
    });
  });
});
