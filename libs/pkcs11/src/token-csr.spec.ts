import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseCsr, toPem } from '@app/pki';
import { OpensslWorkspace } from '@app/pki/testing/openssl';
import { generateKeyPair, type TokenKeyPair } from './key-pairs';
import { openTestToken, type TestToken } from './testing/softhsm';
import { createTokenCsr } from './token-csr';

const SUBJECT = [
  { type: 'C', value: 'TW' },
  { type: 'O', value: 'Finance' },
  { type: 'OU', value: '0060000-合作金庫商業銀行' },
  { type: 'CN', value: 'U139514691-00-090319' },
] as const;

describe('key pair and CSR on SoftHSM', () => {
  let t: TestToken;
  const ws = new OpensslWorkspace();
  let signing: TokenKeyPair;
  let encryption: TokenKeyPair;

  beforeAll(async () => {
    t = await openTestToken({ label: 'csr-spec' });
    signing = await generateKeyPair(t.session, { label: 'FXML signing', usage: 'SIGNING' });
    encryption = await generateKeyPair(t.session, { label: 'FXML encryption', usage: 'ENCRYPTION' });
  });

  afterAll(async () => {
    await t.dispose();
    ws.dispose();
  });

  it('builds CSRs that parseCsr accepts, carrying the token keys', async () => {
    for (const key of [signing, encryption]) {
      const der = await createTokenCsr(t.session, { keyId: key.id, subject: SUBJECT });
      const csr = await parseCsr(der);
      expect(Buffer.from(csr.publicKey).equals(Buffer.from(key.spki))).toBe(true);
      expect(csr).toMatchObject({ keyAlgorithm: 'RSA', keyBits: 2048 });
      expect(csr.subject.rdns.flat()).toContainEqual(expect.objectContaining({ type: 'CN', value: SUBJECT[3].value }));
      ws.file('req.pem', toPem(der, 'CERTIFICATE REQUEST'));
      expect(ws.run(['req', '-in', 'req.pem', '-verify', '-noout'])).toMatch(/verif(y|ication) OK/i);
    }
  });

  it('shows the keys in pkcs11-tool: private key sensitive, never extractable, same ID as the public key', () => {
    const out = t.hsm.pkcs11Tool(['--token-label', t.label, '--login', '--pin', t.pin, '-O']);
    const id = Buffer.from(signing.id).toString('hex');
    const objects = out.split(/\n(?=\S)/);
    const priv = objects.find((o) => o.startsWith('Private Key Object') && o.includes(id)) ?? '';
    const pub = objects.find((o) => o.startsWith('Public Key Object') && o.includes(id)) ?? '';
    expect(priv).toMatch(/label:\s+FXML signing/);
    expect(priv).toMatch(/Usage:\s+sign\b/);
    expect(priv).toMatch(/Access:\s+.*sensitive.*never extractable/);
    expect(priv).not.toMatch(/decrypt/);
    expect(pub).toMatch(/RSA 2048 bits/);
    const encPriv = objects.find(
      (o) => o.startsWith('Private Key Object') && o.includes(Buffer.from(encryption.id).toString('hex')),
    );
    expect(encPriv).toMatch(/Usage:\s+.*decrypt.*sign.*unwrap/);
  });

  it('reports a key that is not on the token as PRIVATE_KEY_NOT_FOUND', async () => {
    await expect(createTokenCsr(t.session, { keyId: new Uint8Array(20), subject: SUBJECT })).rejects.toMatchObject({
      code: 'PRIVATE_KEY_NOT_FOUND',
    });
  });
});
