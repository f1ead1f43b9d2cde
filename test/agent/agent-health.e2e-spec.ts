import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AGENT_VERSION } from '@app/kiosk-agent/version';
import { SoftHsm } from '@app/pkcs11/testing/softhsm';
import { AgentHarness, KIOSK_CODE, PAGE_ORIGIN } from './support/agent-harness';

/**
 * `/health` before any pairing: the kiosk page's environment check reads the agent's version from
 * it, so the allowed page gets a CORS grant; any other page may learn nothing (no grant, so its
 * script cannot read the answer), and the answer never holds more than status and version.
 */
describe('kiosk agent: /health for the environment check', () => {
  let hsm: SoftHsm;
  let h: AgentHarness;

  beforeAll(async () => {
    hsm = new SoftHsm();
    hsm.initToken({ label: 'health', pin: '123456' });
    h = await new AgentHarness().start();
  });

  afterAll(async () => {
    await h.stop();
    hsm.dispose();
  });

  it('grants the allowed page the version, with CORS naming that origin only', async () => {
    const res = await h.call('/health', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: AGENT_VERSION });
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('gives a foreign page no CORS grant and no more than status and version', async () => {
    const res = await h.call('/health', { origin: 'https://evil.test', token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(Object.keys(res.body).sort()).toEqual(['status', 'version']);
    const text = JSON.stringify(res.body);
    for (const secret of [KIOSK_CODE, 'health', h.dataDir]) expect(text).not.toContain(secret);
  });

  it('still refuses a foreign Host on /health (DNS rebinding)', async () => {
    const rebound = await h.rawRequest('/health', { origin: PAGE_ORIGIN, host: `evil.test:${h.agent.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body.code).toBe('AGENT_HOST_REFUSED');
  });

  it('answers the environment report only with a pairing token', async () => {
    const refused = await h.call('/v1/environment', { token: null });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    const report = await h.call<{ agentVersion: string; tokens: { label: string }[] }>('/v1/environment');
    expect(report.status).toBe(200);
    expect(report.body.agentVersion).toBe(AGENT_VERSION);
    expect(report.body.tokens.map((t) => t.label)).toEqual(['health']);
  });
});
