import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AgentProgressEvent } from '@app/contracts';
import { SoftHsm } from '@app/pkcs11/testing/softhsm';
import { AgentHarness, SUBJECT } from './support/agent-harness';

const PIN = '123456';

/**
 * The event stream: progress of long operations (the ezSign button prompt) and tokens coming and
 * going. SoftHSM is mapped to the EZSIGN type here so the prompt logic runs on a real module; the
 * button itself is the token emulator's to test.
 */
describe('kiosk agent: event stream', () => {
  let hsm: SoftHsm;
  let serial: string;
  let h: AgentHarness;

  beforeAll(async () => {
    hsm = new SoftHsm();
    serial = hsm.initToken({ label: 'ezsign-like', pin: PIN });
    h = await new AgentHarness({ tokenTypeRules: [{ type: 'EZSIGN', model: 'SoftHSM' }] }).start();
    await h.call('/v1/session', { body: {} });
  });

  afterAll(async () => {
    await h.stop();
    hsm.dispose();
  });

  it('asks for the button press before each key operation of an ezSign, then says done', async () => {
    const stream = await h.events();
    await h.call('/v1/tokens/login', { body: { serial, pin: PIN } });
    const res = await h.call('/v1/tokens/keys', { body: { serial, subject: SUBJECT, usages: ['SIGNING'] } });
    expect(res.status).toBe(200);
    await stream.next((e) => e.type === 'progress' && e.step === 'DONE');
    const steps = stream.received.filter((e): e is AgentProgressEvent => e.type === 'progress');
    expect(steps.map((e) => e.step)).toEqual(['PRESS_BUTTON', 'PRESS_BUTTON', 'DONE']);
    expect(steps[0]).toMatchObject({ operation: 'generate-keys', serial, timeoutSeconds: 60 });
    stream.close();
  });

  it('refuses a stream without pairing', async () => {
    const res = await fetch(`${h.agent.url}/v1/events`, { headers: { origin: 'https://ra.bank.test' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'AGENT_PAIRING_REQUIRED' });
  });

  it('tells the stream that the session ended, and closes it', async () => {
    const stream = await h.events();
    await h.call('/v1/session/end', { body: {} });
    await expect(stream.next((e) => e.type === 'session-ended')).resolves.toEqual({
      type: 'session-ended',
      sessionId: h.sessionId,
    });
    await stream.done;
  });
});
