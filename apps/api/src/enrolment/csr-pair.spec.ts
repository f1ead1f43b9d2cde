import { describe, expect, it } from '@jest/globals';
import { createCsr, nodeSubtle, toPem, type CryptoKey } from '@app/pki';
import { checkCsrPair } from './csr-pair';
import { renewalOpensAt } from './renewal-window';

type KeyPair = { publicKey: CryptoKey; privateKey: CryptoKey };
const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const CN = 'U139514691-00-261124';

async function csr(cn: string, keys: KeyPair): Promise<string> {
  return toPem(await createCsr({ subject: [{ type: 'CN', value: cn }], keyPair: keys }), 'CERTIFICATE REQUEST');
}

describe('the CSR pair of an enrolment', () => {
  it('accepts two keys naming the CN, and says which request is at fault otherwise', async () => {
    const [a, b] = [
      (await nodeSubtle.generateKey(RSA, true, ['sign', 'verify'])) as KeyPair,
      (await nodeSubtle.generateKey(RSA, true, ['sign', 'verify'])) as KeyPair,
    ];
    const pair = await checkCsrPair(await csr(CN, a), await csr(CN, b), CN);
    expect(pair.signing.keyBits).toBe(2048);
    expect(Buffer.from(pair.signing.publicKey).equals(Buffer.from(pair.encryption.publicKey))).toBe(false);

    await expect(checkCsrPair(await csr(CN, a), await csr(CN, a), CN)).rejects.toMatchObject({
      code: 'CSR_KEYS_IDENTICAL',
      details: { field: 'encryptionCsr' },
    });
    await expect(checkCsrPair(await csr(CN, a), await csr('U139514691-01-261124', b), CN)).rejects.toMatchObject({
      code: 'CSR_SUBJECT_MISMATCH',
      details: { field: 'encryptionCsr' },
    });
    await expect(checkCsrPair('garbage', await csr(CN, b), CN)).rejects.toMatchObject({
      code: 'CSR_MALFORMED',
      details: { field: 'signingCsr' },
    });
  });

  it('opens renewal thirty days before expiry', () => {
    expect(renewalOpensAt(new Date('2027-11-24T00:00:00Z')).toISOString()).toBe('2027-10-25T00:00:00.000Z');
  });
});
