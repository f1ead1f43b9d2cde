import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgentToken,
  type CopyToComputerResponse,
  type GenerateKeysResponse,
  type InstallCertificatesResponse,
  type ListObjectsResponse,
  type SignChallengeResponse,
} from '@app/contracts';
import { isLoggedIn, Pkcs11Module, TokenSession } from '@app/pkcs11';
import { SOFTHSM_MODULE, SoftHsm } from '@app/pkcs11/testing/softhsm';
import { createChallenge, verifyChallenge } from '@app/pki';
import { OpenSsl } from '../support/openssl';
import { AgentHarness, PAGE_ORIGIN, SUBJECT, TestCa } from './support/agent-harness';

const PIN = '123456';

/** Every token operation through HTTP on a SoftHSM token, judged by pkcs11-tool and openssl. */
describe('kiosk agent: token operations', () => {
  let hsm: SoftHsm;
  let serial: string;
  let h: AgentHarness;
  let ca: TestCa;
  const openssl = new OpenSsl();
  let keys: GenerateKeysResponse['keys'];
  let certificates: string[];

  beforeAll(async () => {
    hsm = new SoftHsm();
    serial = hsm.initToken({ label: 'customer', pin: PIN });
    ca = await TestCa.create();
    h = await new AgentHarness().start();
    expect((await h.call('/v1/session', { body: {} })).status).toBe(200);
  });

  afterAll(async () => {
    await h.stop();
    hsm.dispose();
  });

  it('reports the environment: module C_GetInfo, the token and its PIN state, the clock', async () => {
    const { status, body } = await h.call<Record<string, unknown>>('/v1/environment');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      mode: 'kiosk',
      module: { path: SOFTHSM_MODULE, manufacturer: 'SoftHSM' },
      tokens: [{ serial, label: 'customer', type: 'SOFT', loggedIn: false, pin: { locked: false } }],
    });
    expect(Math.abs(Date.parse(body.clock as string) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a wrong PIN with the PIN state, and logs in with the right one', async () => {
    const wrong = await h.call('/v1/tokens/login', { body: { serial, pin: '000000' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'TOKEN_PIN_INCORRECT', params: { locked: false } });
    const ok = await h.call('/v1/tokens/login', { body: { serial, pin: PIN } });
    expect(ok.status).toBe(200);
    const { body } = await h.call<{ tokens: AgentToken[] }>('/v1/tokens');
    expect(body.tokens[0].loggedIn).toBe(true);
  });

  it('names a token that is not there', async () => {
    const res = await h.call('/v1/tokens/login', { body: { serial: 'no-such-token', pin: PIN } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'TOKEN_NOT_PRESENT' });
  });

  it('generates the signing and encryption key pairs with CSRs that openssl accepts', async () => {
    const res = await h.call<GenerateKeysResponse>('/v1/tokens/keys', {
      body: { serial, subject: SUBJECT, label: 'fxml' },
    });
    expect(res.status).toBe(200);
    keys = res.body.keys;
    expect(keys.map((k) => k.usage)).toEqual(['SIGNING', 'ENCRYPTION']);
    expect(new Set(keys.map((k) => k.id)).size).toBe(2);
    for (const key of keys) {
      const out = openssl.run('req', '-in', openssl.file(`${key.id}.csr`, key.csrPem), '-noout', '-verify', '-subject');
      expect(out).toMatch(/verify OK|Certificate request self-signature verify OK/);
      expect(out).toContain('CN = A123456789-00-261124');
    }
    const listed = await h.call<ListObjectsResponse>(`/v1/tokens/objects?serial=${serial}`);
    expect([...listed.body.pendingKeys].sort()).toEqual(keys.map((k) => k.id).sort());
  });

  it('installs the issued certificates and the CA chain next to their keys (pkcs11-tool sees matching IDs)', async () => {
    certificates = [await ca.issue(keys[0].csrPem, 'SIGNING'), await ca.issue(keys[1].csrPem, 'ENCRYPTION')];
    const res = await h.call<InstallCertificatesResponse>('/v1/tokens/certificates', {
      body: { serial, certificates, chain: ca.chainPem },
    });
    expect(res.status).toBe(200);
    expect(res.body.installed.map((i) => i.id)).toEqual(keys.map((k) => k.id));

    const objects = hsm.pkcs11Tool(['--token-label', 'customer', '--login', '--pin', PIN, '-O']);
    for (const key of keys) {
      const blocks = objects.split(/\n(?=\S)/).filter((b) => new RegExp(`ID:\\s+${key.id}\\b`).test(b));
      expect(blocks.map((b) => /^(\w+ \w+ Object|\w+ Object)/.exec(b)?.[1]).sort()).toEqual([
        'Certificate Object',
        'Private Key Object',
        'Public Key Object',
      ]);
    }
    expect(objects.match(/Certificate Object/g)).toHaveLength(4);
  });

  it('lists the certificates with their details, keys found', async () => {
    const { body } = await h.call<ListObjectsResponse>(`/v1/tokens/objects?serial=${serial}`);
    expect(body.pendingKeys).toEqual([]);
    const own = body.certificates.filter((c) => !c.authority);
    expect(own.map((c) => c.id).sort()).toEqual(keys.map((k) => k.id).sort());
    expect(own[0]).toMatchObject({
      hasPrivateKey: true,
      expired: false,
      subject: expect.stringContaining('A123456789'),
    });
    expect(body.certificates.filter((c) => c.authority).map((c) => c.subject)).toEqual([
      expect.stringContaining('FXML CA'),
      expect.stringContaining('Test Root CA'),
    ]);
  });

  it('signs a challenge for this page with the token key; refuses one made for another origin or not a challenge', async () => {
    const challenge = createChallenge({ purpose: 'renew', origin: PAGE_ORIGIN });
    const res = await h.call<SignChallengeResponse>('/v1/tokens/sign-challenge', {
      body: { serial, id: keys[0].id, challenge: Buffer.from(challenge.toBeSigned).toString('base64') },
    });
    expect(res.status).toBe(200);
    const certificate = new Uint8Array(Buffer.from(certificates[0].replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const signature = new Uint8Array(Buffer.from(res.body.signature, 'base64'));
    expect(verifyChallenge({ toBeSigned: challenge.toBeSigned, signature, certificate })).toBe(true);

    const relayed = createChallenge({ purpose: 'renew', origin: 'https://evil.test' });
    for (const bytes of [relayed.toBeSigned, new Uint8Array(Buffer.from('0\u0082 any DER to sign'))]) {
      const refused = await h.call('/v1/tokens/sign-challenge', {
        body: { serial, id: keys[0].id, challenge: Buffer.from(bytes).toString('base64') },
      });
      expect(refused.body).toMatchObject({ code: 'AGENT_CHALLENGE_REFUSED' });
    }
  });

  it('serves 20 concurrent requests on one token, queued, all successful', async () => {
    const calls = Array.from({ length: 20 }, (_, i) => {
      if (i % 2 === 0) return h.call(`/v1/tokens/objects?serial=${serial}`);
      const challenge = createChallenge({ purpose: `concurrent-${i}`, origin: PAGE_ORIGIN });
      return h.call('/v1/tokens/sign-challenge', {
        body: { serial, id: keys[0].id, challenge: Buffer.from(challenge.toBeSigned).toString('base64') },
      });
    });
    const results = await Promise.all(calls);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it("copies the token's certificates into the computer's certificate folder", async () => {
    const res = await h.call<CopyToComputerResponse>('/v1/tokens/copy-to-computer', { body: { serial } });
    expect(res.body.copied).toHaveLength(2);
    const dir = join(h.dataDir, 'certificates');
    expect(readdirSync(dir).sort()).toEqual([...res.body.copied].sort());
    const text = openssl.run('x509', '-in', join(dir, res.body.copied[0]), '-noout', '-subject');
    expect(text).toContain('A123456789-00-261124');
  });

  it('deletes a certificate with its keys and leaves the other pair alone', async () => {
    const res = await h.call('/v1/tokens/certificates/delete', { body: { serial, id: keys[1].id } });
    expect(res.body).toEqual({ certificates: 1, privateKeys: 1, publicKeys: 1 });
    const objects = hsm.pkcs11Tool(['--token-label', 'customer', '--login', '--pin', PIN, '-O']);
    expect(objects).not.toContain(keys[1].id);
    expect(objects).toContain(keys[0].id);
    const again = await h.call('/v1/tokens/certificates/delete', { body: { serial, id: keys[1].id } });
    expect(again.body).toMatchObject({ code: 'CERTIFICATE_NOT_FOUND' });
  });

  it('logs out on request: private keys are out of reach until the next login', async () => {
    expect((await h.call('/v1/tokens/logout', { body: { serial } })).status).toBe(200);
    const { body } = await h.call<{ tokens: AgentToken[] }>('/v1/tokens');
    expect(body.tokens[0].loggedIn).toBe(false);
    const challenge = createChallenge({ purpose: 'renew', origin: PAGE_ORIGIN });
    const refused = await h.call('/v1/tokens/sign-challenge', {
      body: { serial, id: keys[0].id, challenge: Buffer.from(challenge.toBeSigned).toString('base64') },
    });
    expect(refused.body).toMatchObject({ code: 'TOKEN_NOT_LOGGED_IN' });
    expect((await h.call('/v1/tokens/login', { body: { serial, pin: PIN } })).status).toBe(200);
  });

  it('changes the PIN after checking the policy; the new PIN works and the old one no longer does', async () => {
    const weak = await h.call('/v1/tokens/pin', { body: { serial, oldPin: PIN, newPin: '12' } });
    expect(weak.body).toMatchObject({ code: 'TOKEN_PIN_POLICY' });
    const res = await h.call('/v1/tokens/pin', { body: { serial, oldPin: PIN, newPin: '654321' } });
    expect(res.status).toBe(200);
    expect(() => hsm.pkcs11Tool(['--token-label', 'customer', '--login', '--pin', PIN, '-O'])).toThrow();
    expect(hsm.pkcs11Tool(['--token-label', 'customer', '--login', '--pin', '654321', '-O'])).toContain(keys[0].id);
  });

  it('at session end (kiosk mode) logs out of the token and removes the copied certificates', async () => {
    expect((await h.call('/v1/session/end', { body: {} })).status).toBe(200);
    expect(existsSync(join(h.dataDir, 'certificates'))).toBe(false);

    const module = Pkcs11Module.load(SOFTHSM_MODULE);
    const session = await TokenSession.open(module, { serial });
    try {
      expect(await session.run((s) => isLoggedIn(s))).toBe(false);
    } finally {
      await session.close();
      module.release();
    }
    const after = await h.call(`/v1/tokens/objects?serial=${serial}`);
    expect(after.body).toMatchObject({ code: 'AGENT_SESSION_ENDED' });
    const restart = await h.call('/v1/session', { body: {} });
    expect(restart.body).toMatchObject({ code: 'AGENT_SESSION_ENDED' });
  });
});
