import { webcrypto } from 'node:crypto';
import { caIssuer, type CaIssuer } from '../certificate-info';
import { createCaCertificate } from '../issue-certificate';
import { rsaKeyPair } from './keys';

export interface TestHierarchy {
  readonly root: Uint8Array;
  readonly issuing: Uint8Array;
  readonly rootCa: CaIssuer;
  readonly issuingCa: CaIssuer;
}

const YEAR = 365 * 24 * 3600 * 1000;

/** A root → issuing "FXML CA" hierarchy with fresh RSA-2048 keys. Test helper only. */
export async function createTestHierarchy(): Promise<TestHierarchy> {
  const [rootKeys, issuingKeys] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);
  const spki = async (k: webcrypto.CryptoKey) => new Uint8Array(await webcrypto.subtle.exportKey('spki', k));
  const now = Date.now();
  const root = await createCaCertificate({
    subject: [
      { type: 'C', value: 'TW' },
      { type: 'O', value: 'Test Bank' },
      { type: 'CN', value: 'Test Root CA' },
    ],
    publicKey: await spki(rootKeys.publicKey),
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 20 * YEAR),
    signedBy: { selfSigned: { privateKey: rootKeys.privateKey } },
  });
  const rootCa = caIssuer(root, { privateKey: rootKeys.privateKey });
  const issuing = await createCaCertificate({
    subject: [
      { type: 'C', value: 'TW' },
      { type: 'O', value: 'Test Bank' },
      { type: 'CN', value: 'FXML CA' },
    ],
    publicKey: await spki(issuingKeys.publicKey),
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 10 * YEAR),
    profile: { pathLen: 0, crlUrls: ['http://ra.example.tw/pki/root.crl'] },
    signedBy: rootCa,
  });
  return { root, issuing, rootCa, issuingCa: caIssuer(issuing, { privateKey: issuingKeys.privateKey }) };
}
