import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { SoftHsm } from '@app/pkcs11/testing/softhsm';
import { AgentHarness, KIOSK_CODE, PAGE_ORIGIN } from './support/agent-harness';

/** Only the configured page, addressed as localhost, with a pairing token from the API gets an answer. */
describe('kiosk agent: origin, host and pairing', () => {
  let hsm: SoftHsm;
  let h: AgentHarness;

  beforeAll(async () => {
    hsm = new SoftHsm();
    hsm.initToken({ label: 'security', pin: '123456' });
    h = await new AgentHarness().start();
    expect((await h.call('/v1/session', { body: {} })).status).toBe(200);
  });

  afterAll(async () => {
    await h.stop();
    hsm.dispose();
  });

  it('answers the allowed page, with CORS naming that origin only', async () => {
    const res = await h.call<{ tokens: unknown[] }>('/v1/tokens');
    expect(res.status).toBe(200);
    expect(res.body.tokens).toHaveLength(1);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
  });

  it('refuses a foreign Origin, even with a valid pairing token, and sends no CORS grant', async () => {
    const res = await h.call('/v1/tokens', { origin: 'https://evil.test' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'AGENT_ORIGIN_REFUSED',
      manualCode: '80070005',
      faq: '/faq#AGENT_ORIGIN_REFUSED',
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a request without Origin (another local program)', async () => {
    const res = await h.call('/v1/tokens', { origin: null });
    expect(res.body).toMatchObject({ code: 'AGENT_ORIGIN_REFUSED' });
  });

  it('refuses a preflight from a foreign origin and grants one from the page', async () => {
    const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' };
    const foreign = await h.call('/v1/tokens/login', {
      method: 'OPTIONS',
      origin: 'https://evil.test',
      headers: preflight,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const own = await h.call('/v1/tokens/login', { method: 'OPTIONS', headers: preflight });
    expect(own.status).toBe(204);
    expect(own.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(own.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const auth = { origin: PAGE_ORIGIN, authorization: `Pairing ${h.token}` };
    const rebound = await h.rawRequest('/v1/tokens', { ...auth, host: `evil.test:${h.agent.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body.code).toBe('AGENT_HOST_REFUSED');
    const otherPort = await h.rawRequest('/v1/tokens', { ...auth, host: `127.0.0.1:${h.agent.port + 1}` });
    expect(otherPort.body.code).toBe('AGENT_HOST_REFUSED');
    const localhost = await h.rawRequest('/v1/tokens', { ...auth, host: `localhost:${h.agent.port}` });
    expect(localhost.status).toBe(200);
  });

  it('refuses a request without the pairing token', async () => {
    const res = await h.call('/v1/tokens', { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AGENT_PAIRING_REQUIRED' });
  });

  it('refuses a token for another kiosk, made with another key, or bound to another origin', async () => {
    const otherKiosk = await h.mint({ kioskCode: 'K0060000-02' });
    const otherKey = await h.mint({}, new Uint8Array(randomBytes(32)));
    const otherOrigin = await h.mint({ origin: 'https://evil.test' });
    for (const token of [otherKiosk, otherKey, otherOrigin]) {
      const res = await h.call('/v1/tokens', { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'AGENT_PAIRING_INVALID' });
    }
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await h.call('/v1/tokens', { token: await h.mint({ issuedAt: now - 3600, expiresAt: now - 600 }) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AGENT_PAIRING_EXPIRED' });
  });

  it('refuses a valid token of a session that was not started', async () => {
    const res = await h.call('/v1/tokens', { token: await h.mint({ sessionId: 'not-started' }) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'AGENT_SESSION_ENDED' });
  });

  it('translates its errors for the page (English on request)', async () => {
    const res = await h.call<{ message: string }>('/v1/tokens', { token: null, headers: { 'accept-language': 'en' } });
    expect(res.body.message).toBe('The kiosk agent is not paired with this page.');
    const zh = await h.call<{ message: string }>('/v1/tokens', { token: null });
    expect(zh.body.message).toBe('憑證服務程式尚未與此頁面配對。');
  });

  it('tells its health without pairing, and nothing else', async () => {
    const res = await h.call('/health', { origin: null, token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain(KIOSK_CODE);
  });

  it('refuses a body that is not JSON, naming the field', async () => {
    const res = await fetch(`${h.agent.url}/v1/tokens/login`, {
      method: 'POST',
      headers: { origin: PAGE_ORIGIN, authorization: `Pairing ${h.token}`, 'content-type': 'text/plain' },
      body: 'pin=123456',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'body', code: 'FIELD_INVALID' }],
    });
  });

  it('names a missing field without echoing any value', async () => {
    const res = await h.call('/v1/tokens/login', { body: { pin: '123456' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'serial', code: 'FIELD_REQUIRED' }] });
    expect(JSON.stringify(res.body)).not.toContain('123456');
  });
});
