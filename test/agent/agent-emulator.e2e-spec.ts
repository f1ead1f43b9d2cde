import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgentEnvironment,
  type AgentProgressEvent,
  type AgentToken,
  type GenerateKeysResponse,
  type ListObjectsResponse,
} from '@app/contracts';
import { TokenEmulator } from '@app/pkcs11/testing/token-emulator';
import { OpenSsl } from '../support/openssl';
import { AgentHarness, type EventStream, SUBJECT, TestCa } from './support/agent-harness';
import { expectListedAsWaiting } from './support/pending-keys';

const PIN = '123456';

/**
 * The agent on the iKey / ezSign emulator (a PKCS#11 module over SoftHSM): the ezSign button prompt
 * and its timeout, the iKey's six certificate places, the lock after ten wrong PINs, a token pulled
 * out mid-session, keys waiting for their certificates.
 */
describe('kiosk agent on emulated iKey and ezSign tokens', () => {
  let emulator: TokenEmulator;
  let ezSign: string;
  let iKey: string;
  let lockable: string;
  let pulled: string;
  let h: AgentHarness;
  let ca: TestCa;
  const openssl = new OpenSsl();

  /** Every object ID on the token, as pkcs11-tool lists them after login. */
  function objectIds(label: string): string[] {
    const out = emulator.pkcs11Tool(['--token-label', label, '--login', '--pin', PIN, '-O']);
    return [...out.matchAll(/ID:\s+([0-9a-f]+)/g)].map((m) => m[1]).sort();
  }

  /**
   * Presses the ezSign button `times` times: each time only after the page was told to press it and
   * the token asks, then waits until the token has taken the press (one press serves one operation).
   */
  async function pressWhenAsked(stream: EventStream, times: number): Promise<void> {
    const pressFile = join(emulator.stateDir, `${ezSign}.press`);
    for (let i = 1; i <= times; i++) {
      await stream.atLeast((e) => e.type === 'progress' && e.step === 'PRESS_BUTTON', i);
      await emulator.buttonPrompt(ezSign);
      emulator.press(ezSign);
      while (existsSync(pressFile)) await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeAll(async () => {
    emulator = TokenEmulator.create({ button: { mode: 'trigger', timeoutMs: 1500 } });
    ezSign = emulator.addToken({ label: 'ezsign', type: 'EZSIGN', pin: PIN });
    iKey = emulator.addToken({ label: 'ikey', type: 'IKEY', pin: PIN });
    lockable = emulator.addToken({ label: 'ikey-lock', type: 'IKEY', pin: PIN });
    pulled = emulator.addToken({ label: 'ikey-pull', type: 'IKEY', pin: PIN });
    ca = await TestCa.create();
    h = await new AgentHarness({ modulePath: emulator.modulePath }).start();
    await h.call('/v1/session', { body: {} });
  });

  afterAll(async () => {
    await h?.stop();
    emulator?.dispose();
  });

  it('reports the emulated tokens with their types and capacities', async () => {
    const { body } = await h.call<AgentEnvironment>('/v1/environment');
    expect(body.ok).toBe(true);
    const bySerial = Object.fromEntries(body.tokens.map((t) => [t.serial, t]));
    expect(bySerial[ezSign]).toMatchObject({ type: 'EZSIGN', certificateCapacity: 4 });
    expect(bySerial[iKey]).toMatchObject({ type: 'IKEY', certificateCapacity: 6 });
  });

  it('ezSign: the page is told to press the button while the token waits, and the keys and CSRs are made', async () => {
    const stream = await h.events();
    expect((await h.call('/v1/tokens/login', { body: { serial: ezSign, pin: PIN } })).status).toBe(200);
    const request = h.call<GenerateKeysResponse>('/v1/tokens/keys', { body: { serial: ezSign, subject: SUBJECT } });
    // Two key generations and two CSR signatures, each waiting for the button.
    await pressWhenAsked(stream, 4);
    const res = await request;
    expect(res.status).toBe(200);
    for (const key of res.body.keys) {
      expect(openssl.run('req', '-in', openssl.file(`${key.id}.csr`, key.csrPem), '-noout', '-verify')).toMatch(
        /verify OK/,
      );
    }
    await stream.next((e) => e.type === 'progress' && e.step === 'DONE');
    const steps = stream.received.filter((e): e is AgentProgressEvent => e.type === 'progress').map((e) => e.step);
    expect(steps).toEqual(['PRESS_BUTTON', 'PRESS_BUTTON', 'PRESS_BUTTON', 'PRESS_BUTTON', 'DONE']);
    expect(objectIds('ezsign')).toEqual(res.body.keys.flatMap((k) => [k.id, k.id]).sort());
    stream.close();
  });

  it('ezSign: no press → TOKEN_BUTTON_TIMEOUT, and the pair made before it is removed again', async () => {
    const before = objectIds('ezsign');
    const stream = await h.events();
    const request = h.call('/v1/tokens/keys', { body: { serial: ezSign, subject: SUBJECT } });
    // The signing pair and its CSR get their presses; the encryption pair's key generation does not.
    await pressWhenAsked(stream, 2);
    const res = await request;
    expect(res.status).toBe(408);
    expect(res.body).toMatchObject({ code: 'TOKEN_BUTTON_TIMEOUT' });
    expect(objectIds('ezsign')).toEqual(before);
    stream.close();
  });

  it('iKey: six certificates fit; keys for more are refused before anything is written', async () => {
    await h.call('/v1/tokens/login', { body: { serial: iKey, pin: PIN } });
    for (let round = 0; round < 3; round++) {
      const { body } = await h.call<GenerateKeysResponse>('/v1/tokens/keys', {
        body: { serial: iKey, subject: SUBJECT },
      });
      const certificates = await Promise.all(body.keys.map((k) => ca.issue(k.csrPem, k.usage)));
      const installed = await h.call('/v1/tokens/certificates', {
        body: { serial: iKey, certificates, chain: ca.chainPem },
      });
      expect(installed.status).toBe(200);
    }
    const full = await h.call<ListObjectsResponse>(`/v1/tokens/objects?serial=${iKey}`);
    expect(full.body.room).toEqual({ capacity: 6, used: 6, free: 0 });

    const before = objectIds('ikey');
    const refused = await h.call('/v1/tokens/keys', { body: { serial: iKey, subject: SUBJECT, usages: ['SIGNING'] } });
    expect(refused.body).toMatchObject({ code: 'TOKEN_FULL', params: { capacity: 6, used: 6 } });
    expect(objectIds('ikey')).toEqual(before);

    const oldest = full.body.certificates.find((c) => !c.authority)!;
    await h.call('/v1/tokens/certificates/delete', { body: { serial: iKey, id: oldest.id } });
    const again = await h.call<GenerateKeysResponse>('/v1/tokens/keys', {
      body: { serial: iKey, subject: SUBJECT, usages: ['SIGNING'] },
    });
    expect(again.status).toBe(200);
  });

  it('iKey: ten wrong PINs lock the token; the last try needs the customer warned; then even the right PIN fails', async () => {
    for (let i = 1; i <= 9; i++) {
      const res = await h.call('/v1/tokens/login', { body: { serial: lockable, pin: '000000' } });
      expect(res.body).toMatchObject({ code: 'TOKEN_PIN_INCORRECT', params: { countLow: true, finalTry: i === 9 } });
    }
    const unwarned = await h.call('/v1/tokens/login', { body: { serial: lockable, pin: '000000' } });
    expect(unwarned.body).toMatchObject({ code: 'TOKEN_PIN_FINAL_TRY' });
    expect(emulator.wrongPinCount(lockable)).toBe(9);

    const last = await h.call('/v1/tokens/login', { body: { serial: lockable, pin: '000000', customerWarned: true } });
    expect(last.body).toMatchObject({ code: 'TOKEN_PIN_LOCKED', params: { locked: true } });
    const right = await h.call('/v1/tokens/login', { body: { serial: lockable, pin: PIN, customerWarned: true } });
    expect(right.body).toMatchObject({ code: 'TOKEN_PIN_LOCKED' });
    const { body } = await h.call<AgentEnvironment>('/v1/environment');
    expect(body.tokens.find((t) => t.serial === lockable)?.pin).toMatchObject({ locked: true });
  });

  it('iKey pulled out mid-session: token-removed on the stream, requests refused, and back in it is logged out', async () => {
    expect((await h.call('/v1/tokens/login', { body: { serial: pulled, pin: PIN } })).status).toBe(200);
    const listed = async () => (await h.call<{ tokens: AgentToken[] }>('/v1/tokens')).body.tokens;
    expect((await listed()).find((t) => t.serial === pulled)?.loggedIn).toBe(true);
    const stream = await h.events();

    emulator.remove(pulled);
    await expect(stream.next((e) => e.type === 'token-removed')).resolves.toEqual({
      type: 'token-removed',
      serial: pulled,
      label: 'ikey-pull',
    });
    expect((await listed()).map((t) => t.serial)).not.toContain(pulled);
    expect(emulator.pkcs11Tool(['-L'])).toMatch(/Emulated iKey reader\s+\(empty\)/);
    const refused = await h.call(`/v1/tokens/objects?serial=${pulled}`);
    expect(refused.body).toMatchObject({ code: 'TOKEN_NOT_PRESENT' });

    emulator.insert(pulled);
    await stream.next((e) => e.type === 'token-inserted' && e.serial === pulled);
    // A real token forgets its login when pulled: the agent holds nothing for it any more.
    expect((await listed()).find((t) => t.serial === pulled)?.loggedIn).toBe(false);
    const objects = await h.call<ListObjectsResponse>(`/v1/tokens/objects?serial=${pulled}`);
    expect(objects.status).toBe(200);
    const keys = await h.call('/v1/tokens/keys', { body: { serial: pulled, subject: SUBJECT } });
    expect(keys.body).toMatchObject({ code: 'TOKEN_NOT_LOGGED_IN' });
    expect((await h.call('/v1/tokens/login', { body: { serial: pulled, pin: PIN } })).status).toBe(200);
    expect((await listed()).find((t) => t.serial === pulled)?.loggedIn).toBe(true);
    stream.close();
  });

  it('lists keys waiting for their certificates with label, usage and the public key of their CSR', async () => {
    const { body } = await h.call<GenerateKeysResponse>('/v1/tokens/keys', {
      body: { serial: pulled, subject: SUBJECT },
    });
    const listed = await h.call<ListObjectsResponse>(`/v1/tokens/objects?serial=${pulled}`);
    expect(body.keys).toHaveLength(2);
    expectListedAsWaiting(listed.body, body.keys, openssl);

    // Once the certificate is on the token, the key waits no more.
    const signing = body.keys.find((k) => k.usage === 'SIGNING')!;
    await h.call('/v1/tokens/certificates', {
      body: { serial: pulled, certificates: [await ca.issue(signing.csrPem, signing.usage)] },
    });
    const after = await h.call<ListObjectsResponse>(`/v1/tokens/objects?serial=${pulled}`);
    expect(after.body.pendingKeyDetails?.map((d) => d.id)).toEqual(
      body.keys.filter((k) => k.usage !== 'SIGNING').map((k) => k.id),
    );
  });
});
