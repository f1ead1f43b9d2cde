import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExportStoreResponse,
  type GenerateKeysResponse,
  type ListObjectsResponse,
  type SignChallengeResponse,
} from '@app/contracts';
import { SoftHsm } from '@app/pkcs11/testing/softhsm';
import { createChallenge, verifyChallenge } from '@app/pki';
import { OpenSsl } from '../support/openssl';
import { AgentHarness, PAGE_ORIGIN, SUBJECT, TestCa } from './support/agent-harness';
import { expectListedAsWaiting } from './support/pending-keys';

const BACKUP_PASSWORD = 'Backup-密碼-2026';

/** The "PC" medium: keys and certificates in the computer's encrypted store, PKCS#12 backup and restore. */
describe('kiosk agent: computer certificate store', () => {
  let hsm: SoftHsm;
  let ca: TestCa;
  const openssl = new OpenSsl();
  const agents: AgentHarness[] = [];

  async function agent(mode: 'kiosk' | 'personal', dataDir?: string): Promise<AgentHarness> {
    const h = await new AgentHarness({ mode, dataDir }).start();
    agents.push(h);
    expect((await h.call('/v1/session', { body: {} })).status).toBe(200);
    return h;
  }

  /** Generates a signing key in the store and installs its certificate; returns the entry id and the PEM. */
  async function enrol(h: AgentHarness): Promise<{ id: string; pem: string }> {
    const keys = await h.call<GenerateKeysResponse>('/v1/store/keys', {
      body: { subject: SUBJECT, usages: ['SIGNING'] },
    });
    expect(keys.status).toBe(200);
    const [key] = keys.body.keys;
    expect(openssl.run('req', '-in', openssl.file(`${key.id}.csr`, key.csrPem), '-noout', '-verify')).toMatch(
      /verify OK/,
    );
    const pem = await ca.issue(key.csrPem, 'SIGNING');
    const installed = await h.call('/v1/store/certificates', { body: { certificates: [pem], chain: ca.chainPem } });
    expect(installed.body).toMatchObject({ installed: [{ id: key.id }] });
    return { id: key.id, pem };
  }

  async function signs(h: AgentHarness, id: string, pem: string): Promise<boolean> {
    const challenge = createChallenge({ purpose: 'backup-restore', origin: PAGE_ORIGIN });
    const res = await h.call<SignChallengeResponse>('/v1/store/sign-challenge', {
      body: { id, challenge: Buffer.from(challenge.toBeSigned).toString('base64') },
    });
    if (res.status !== 200) return false;
    const certificate = new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const signature = new Uint8Array(Buffer.from(res.body.signature, 'base64'));
    return verifyChallenge({ toBeSigned: challenge.toBeSigned, signature, certificate });
  }

  beforeAll(async () => {
    hsm = new SoftHsm();
    ca = await TestCa.create();
  });

  afterEach(async () => {
    for (const h of agents.splice(0)) await h.stop();
  });

  afterAll(() => hsm.dispose());

  it('refuses store operations until the store is opened', async () => {
    const h = await agent('kiosk');
    const res = await h.call('/v1/store/objects');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'AGENT_STORE_LOCKED' });
  });

  it('keeps keys encrypted at rest: no key or certificate readable in the files', async () => {
    const h = await agent('personal');
    await h.call('/v1/store/open', { body: { password: 'store-password-1' } });
    const { id, pem } = await enrol(h);
    const dir = join(h.dataDir, 'store');
    const files = readdirSync(dir);
    expect(files).toContain(`${id}.entry`);
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dir, f))));
    const certBase64 = pem.split('\n')[1];
    expect(bytes.includes(Buffer.from(certBase64))).toBe(false);
    expect(bytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(bytes.includes(Buffer.from('store-password-1'))).toBe(false);
    expect(await signs(h, id, pem)).toBe(true);
  });

  it('exports a PKCS#12 backup that openssl opens with its password, and imports it into another computer', async () => {
    const source = await agent('personal');
    await source.call('/v1/store/open', { body: { password: 'store-password-1' } });
    const { id, pem } = await enrol(source);

    const exported = await source.call<ExportStoreResponse>('/v1/store/export', {
      body: { id, password: BACKUP_PASSWORD },
    });
    expect(exported.status).toBe(200);
    const p12 = openssl.file('backup.p12', Buffer.from(exported.body.pkcs12, 'base64'));
    const info = openssl.run('pkcs12', '-info', '-in', p12, '-passin', `pass:${BACKUP_PASSWORD}`, '-nodes');
    expect(info).toContain('BEGIN PRIVATE KEY');
    expect(info).toContain('A123456789-00-261124');
    expect(() => openssl.run('pkcs12', '-info', '-in', p12, '-passin', 'pass:wrong', '-nodes')).toThrow();

    const target = await agent('personal');
    await target.call('/v1/store/open', { body: { password: 'another-store-password' } });
    const wrong = await target.call('/v1/store/import', { body: { pkcs12: exported.body.pkcs12, password: 'wrong' } });
    expect(wrong.body).toMatchObject({ code: 'PKCS12_PASSWORD_WRONG' });
    expect((await target.call<ListObjectsResponse>('/v1/store/objects')).body.certificates).toEqual([]);

    const imported = await target.call<{ id: string }>('/v1/store/import', {
      body: { pkcs12: exported.body.pkcs12, password: BACKUP_PASSWORD },
    });
    expect(imported.status).toBe(200);
    const listed = await target.call<ListObjectsResponse>('/v1/store/objects');
    expect(listed.body.certificates).toHaveLength(1);
    expect(listed.body.certificates[0].pem.replace(/\s/g, '')).toBe(pem.replace(/\s/g, ''));
    expect(await signs(target, imported.body.id, pem)).toBe(true);
  });

  it('lists keys waiting for their certificates with label, usage and the public key of their CSR', async () => {
    const h = await agent('personal');
    await h.call('/v1/store/open', { body: { password: 'store-password-1' } });
    const { body } = await h.call<GenerateKeysResponse>('/v1/store/keys', {
      body: { subject: SUBJECT, usages: ['SIGNING', 'ENCRYPTION'] },
    });
    const listed = await h.call<ListObjectsResponse>('/v1/store/objects');
    expect(listed.body.certificates).toEqual([]);
    expect(body.keys).toHaveLength(2);
    expectListedAsWaiting(listed.body, body.keys, openssl);

    // The waiting signing key answers a challenge that its listed public key verifies: what the API checks.
    const signing = body.keys.find((k) => k.usage === 'SIGNING')!;
    const challenge = createChallenge({ purpose: 'sign-in', origin: PAGE_ORIGIN });
    const signed = await h.call<SignChallengeResponse>('/v1/store/sign-challenge', {
      body: { id: signing.id, challenge: Buffer.from(challenge.toBeSigned).toString('base64') },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.certificatePem).toBeUndefined();
    const spki = createPublicKey({
      key: Buffer.from(listed.body.pendingKeyDetails!.find((d) => d.id === signing.id)!.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(verify('sha256', challenge.toBeSigned, spki, Buffer.from(signed.body.signature, 'base64'))).toBe(true);

    // Once its certificate is in the store, the key waits no more.
    await h.call('/v1/store/certificates', { body: { certificates: [await ca.issue(signing.csrPem, 'SIGNING')] } });
    const after = await h.call<ListObjectsResponse>('/v1/store/objects');
    expect(after.body.certificates.map((c) => c.id)).toEqual([signing.id]);
    expect(after.body.pendingKeyDetails?.map((d) => d.id)).toEqual(
      body.keys.filter((k) => k.usage !== 'SIGNING').map((k) => k.id),
    );
  });

  it('deletes an entry with its key; signing with it is then refused as 80092004', async () => {
    const h = await agent('kiosk');
    await h.call('/v1/store/open', { body: {} });
    const { id, pem } = await enrol(h);
    const deleted = await h.call('/v1/store/certificates/delete', { body: { id } });
    expect(deleted.body).toEqual({ certificates: 1, privateKeys: 1, publicKeys: 0 });
    expect(await signs(h, id, pem)).toBe(false);
    const again = await h.call('/v1/store/certificates/delete', { body: { id } });
    expect(again.body).toMatchObject({ code: 'AGENT_STORE_ENTRY_NOT_FOUND', manualCode: '80092004' });
  });

  it('personal mode: the store survives the session and opens only with its password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-agent-personal-'));
    try {
      const first = await agent('personal', dataDir);
      await first.call('/v1/store/open', { body: { password: 'store-password-1' } });
      const { id, pem } = await enrol(first);
      await first.call('/v1/session/end', { body: {} });
      await first.stop();
      agents.splice(agents.indexOf(first), 1);

      const second = await agent('personal', dataDir);
      const wrong = await second.call('/v1/store/open', { body: { password: 'store-password-2' } });
      expect(wrong.body).toMatchObject({ code: 'AGENT_STORE_PASSWORD_WRONG' });
      const missing = await second.call('/v1/store/open', { body: {} });
      expect(missing.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password' }] });
      expect((await second.call('/v1/store/open', { body: { password: 'store-password-1' } })).status).toBe(200);
      expect(await signs(second, id, pem)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('kiosk mode: after the session ends the store is empty and its files are gone', async () => {
    const h = await agent('kiosk');
    await h.call('/v1/store/open', { body: {} });
    const { id } = await enrol(h);
    expect(existsSync(join(h.dataDir, 'store', `${id}.entry`))).toBe(true);

    expect((await h.call('/v1/session/end', { body: {} })).status).toBe(200);
    expect(existsSync(join(h.dataDir, 'store'))).toBe(false);

    h.token = await h.mint({ sessionId: 'next-customer' });
    await h.call('/v1/session', { body: {} });
    await h.call('/v1/store/open', { body: {} });
    expect((await h.call<ListObjectsResponse>('/v1/store/objects')).body).toEqual({
      certificates: [],
      pendingKeys: [],
      pendingKeyDetails: [],
    });
  });

  it('kiosk mode: what a crashed run left behind is wiped at start-up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-agent-crash-'));
    try {
      const first = await agent('kiosk', dataDir);
      await first.call('/v1/store/open', { body: {} });
      await enrol(first);
      // As after a crash: the first agent never ends its session, and the next start finds its files.
      agents.splice(agents.indexOf(first), 1);
      const leftover = readdirSync(join(dataDir, 'store'));
      expect(leftover.length).toBeGreaterThan(1);

      await new AgentHarness({ mode: 'kiosk', dataDir }).start().then((h) => agents.push(h));
      expect(existsSync(join(dataDir, 'store'))).toBe(false);
      await first.agent.close().catch(() => undefined);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
