import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { webcrypto } from 'node:crypto';
import { CHALLENGE_LABEL, createChallenge, signChallenge, verifyChallenge } from './challenge';
import { type SigningKey } from './signing';
import { OpensslWorkspace } from './testing/openssl';

const ORIGIN = 'https://ra.bank.example.tw';

interface Signer {
  key: SigningKey;
  certificate: Uint8Array;
}

describe('challenge', () => {
  const ws = new OpensslWorkspace();
  // Filled in beforeAll; `it.each` below captures the objects when the suite is defined.
  const rsa: Signer = { key: {} as SigningKey, certificate: new Uint8Array() };
  const ec: Signer = { key: {} as SigningKey, certificate: new Uint8Array() };
  let otherRsaCertificate: Uint8Array;

  /** A key and self-signed certificate from OpenSSL, the key imported into WebCrypto. */
  async function opensslKey(
    name: string,
    newkey: string[],
    algorithm: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams,
  ): Promise<Signer> {
    ws.run([
      'req',
      '-x509',
      ...newkey,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-subj',
      `/CN=${name}`,
    ]);
    ws.run(['pkey', '-in', `${name}.key`, '-pubout', '-out', `${name}.pub.pem`]);
    const pkcs8 = ws.runBinary(['pkcs8', '-topk8', '-nocrypt', '-in', `${name}.key`, '-outform', 'DER']);
    const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
    const certificate = new Uint8Array(ws.runBinary(['x509', '-in', `${name}.pem`, '-outform', 'DER']));
    return { key: { privateKey }, certificate };
  }

  beforeAll(async () => {
    const rsaAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    Object.assign(rsa, await opensslKey('rsa', ['-newkey', 'rsa:2048'], rsaAlgorithm));
    Object.assign(
      ec,
      await opensslKey('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], {
        name: 'ECDSA',
        namedCurve: 'P-256',
      }),
    );
    otherRsaCertificate = (await opensslKey('other', ['-newkey', 'rsa:2048'], rsaAlgorithm)).certificate;
  }, 30_000);
  afterAll(() => ws.dispose());

  it('lays out label, purpose, origin and nonce, each with a 4-byte length', () => {
    const { nonce, toBeSigned } = createChallenge({ purpose: 'renew', origin: ORIGIN });
    expect(nonce.byteLength).toBe(32);
    const field = (text: string) => [...Buffer.from([0, 0, 0, Buffer.byteLength(text)]), ...Buffer.from(text)];
    expect([...toBeSigned]).toEqual([
      ...field(CHALLENGE_LABEL),
      ...field('renew'),
      ...field(ORIGIN),
      0,
      0,
      0,
      32,
      ...nonce,
    ]);
    expect(createChallenge({ purpose: 'renew', origin: ORIGIN }).nonce).not.toEqual(nonce);
    expect(createChallenge({ purpose: 'renew', origin: ORIGIN, bytes: 48 }).nonce.byteLength).toBe(48);
  });

  it('keeps the fields apart: moving a character from purpose to origin changes the bytes', () => {
    const a = createChallenge({ purpose: 'ab', origin: 'c' }).toBeSigned;
    const b = createChallenge({ purpose: 'a', origin: 'bc' }).toBeSigned;
    expect(Buffer.from(a.subarray(0, 40))).not.toEqual(Buffer.from(b.subarray(0, 40)));
  });

  it('refuses an empty purpose or origin and a short nonce', () => {
    expect(() => createChallenge({ purpose: '', origin: ORIGIN })).toThrow(RangeError);
    expect(() => createChallenge({ purpose: 'renew', origin: '' })).toThrow(RangeError);
    expect(() => createChallenge({ purpose: 'renew', origin: ORIGIN, bytes: 8 })).toThrow(RangeError);
  });

  it.each([
    ['RSA', rsa],
    ['ECDSA P-256', ec],
  ])('verifies a %s signature with the certificate’s key, and OpenSSL agrees', async (name, signer) => {
    const { toBeSigned } = createChallenge({ purpose: 'renew', origin: ORIGIN });
    const signature = await signChallenge(toBeSigned, signer.key);
    expect(verifyChallenge({ toBeSigned, signature, certificate: signer.certificate })).toBe(true);

    const file = name === 'RSA' ? 'rsa' : 'ec';
    ws.file(`${file}.tbs`, toBeSigned);
    ws.file(`${file}.sig`, signature);
    const out = ws.run(['dgst', '-sha256', '-verify', `${file}.pub.pem`, '-signature', `${file}.sig`, `${file}.tbs`]);
    expect(out).toContain('Verified OK');
  });

  it('fails for another nonce, origin, purpose or certificate', async () => {
    const { toBeSigned } = createChallenge({ purpose: 'renew', origin: ORIGIN });
    const signature = await signChallenge(toBeSigned, rsa.key);
    const check = (bytes: Uint8Array, certificate = rsa.certificate) =>
      verifyChallenge({ toBeSigned: bytes, signature, certificate });

    expect(check(createChallenge({ purpose: 'renew', origin: ORIGIN }).toBeSigned)).toBe(false);
    const swap = (from: string, to: string) =>
      new Uint8Array(Buffer.from(Buffer.from(toBeSigned).toString('latin1').replace(from, to), 'latin1'));
    expect(check(swap('renew', 'revok'))).toBe(false);
    expect(check(swap('ra.bank', 'ra.evil'))).toBe(false);
    expect(check(toBeSigned, otherRsaCertificate)).toBe(false);
    expect(check(toBeSigned, ec.certificate)).toBe(false);
    expect(check(toBeSigned)).toBe(true);
  });

  it('signs and verifies challenges only, never other bytes', async () => {
    const tbs = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
    await expect(signChallenge(tbs, rsa.key)).rejects.toThrow(RangeError);
    const { toBeSigned } = createChallenge({ purpose: 'renew', origin: ORIGIN });
    const signature = await signChallenge(toBeSigned, rsa.key);
    const extended = new Uint8Array([...toBeSigned, 0]);
    expect(verifyChallenge({ toBeSigned: extended, signature, certificate: rsa.certificate })).toBe(false);
  });
});
