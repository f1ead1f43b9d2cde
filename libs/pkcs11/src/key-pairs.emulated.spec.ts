import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ObjectClass } from 'graphene-pk11';
import { generateKeyPair, signWithKey, type TokenKeyPair } from './key-pairs';
import { Pkcs11Module } from './pkcs11-module';
import { TokenEmulator } from './testing/token-emulator';
import { TokenSession } from './token-session';

const PIN = '123456';
/** Short, so that "nobody presses" is quick; long enough for a keygen that was pressed. */
const TIMEOUT_MS = 400;
/** Small keys: the button is the subject here, and a busy test machine is slow with RSA-2048. */
const BITS = 1024;

jest.setTimeout(30_000);

/** The ezSign confirm button as the token emulator implements it, met only through PKCS#11. */
describe('key generation and signing on an emulated ezSign', () => {
  let emulator: TokenEmulator;
  let module: Pkcs11Module;
  let ezsign: TokenSession;
  let ezsignSerial: string;
  let ikey: TokenSession;

  const keyObjects = () =>
    ezsign.run(
      (s) => s.find({ class: ObjectClass.PRIVATE_KEY }).length + s.find({ class: ObjectClass.PUBLIC_KEY }).length,
    );
  const verifies = (key: TokenKeyPair, data: Buffer, signature: Uint8Array) =>
    verify('sha256', data, createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' }), signature);

  beforeAll(async () => {
    emulator = TokenEmulator.create({ button: { mode: 'trigger', timeoutMs: TIMEOUT_MS } });
    ezsignSerial = emulator.addToken({ label: 'Customer ezSign', type: 'EZSIGN', pin: PIN });
    const ikeySerial = emulator.addToken({ label: 'Customer iKey', type: 'IKEY', pin: PIN });
    module = Pkcs11Module.load(emulator.modulePath);
    ezsign = await TokenSession.open(module, { serial: ezsignSerial });
    ikey = await TokenSession.open(module, { serial: ikeySerial });
    await ezsign.login(PIN);
    await ikey.login(PIN);
  });

  afterAll(async () => {
    await ezsign.close();
    await ikey.close();
    module.release();
    emulator.dispose();
  });

  it('times out when nobody presses, and leaves no key object behind', async () => {
    await expect(
      generateKeyPair(ezsign, { label: 'unpressed', usage: 'SIGNING', modulusBits: BITS }),
    ).rejects.toMatchObject({
      code: 'TOKEN_BUTTON_TIMEOUT',
    });
    expect(await keyObjects()).toBe(0);
    expect(emulator.isAskingForButton(ezsignSerial)).toBe(false);
  });

  it('generates once the button is pressed while the token asks', async () => {
    emulator.setButton({ mode: 'trigger', timeoutMs: 60_000 });
    try {
      const pending = generateKeyPair(ezsign, { label: 'pressed', usage: 'SIGNING', modulusBits: BITS });
      await emulator.buttonPrompt(ezsignSerial);
      emulator.press(ezsignSerial);
      const key = await pending;
      expect(key.id.byteLength).toBe(20);
      expect(await keyObjects()).toBe(2);
    } finally {
      emulator.setButton({ mode: 'trigger', timeoutMs: TIMEOUT_MS });
    }
  });

  it('takes a press made before the prompt, and one press serves one operation only', async () => {
    emulator.press(ezsignSerial);
    const key = await generateKeyPair(ezsign, { label: 'pressed early', usage: 'ENCRYPTION', modulusBits: BITS });
    await expect(signWithKey(ezsign, key.id, Buffer.from('second op'))).rejects.toMatchObject({
      code: 'TOKEN_BUTTON_TIMEOUT',
    });
  });

  it('signs only after a press; a timed-out signature leaves no operation hanging on the token', async () => {
    emulator.press(ezsignSerial);
    const key = await generateKeyPair(ezsign, { label: 'signer', usage: 'SIGNING', modulusBits: BITS });
    const challenge = Buffer.from('challenge');
    await expect(signWithKey(ezsign, key.id, challenge)).rejects.toMatchObject({ code: 'TOKEN_BUTTON_TIMEOUT' });
    emulator.press(ezsignSerial);
    expect(verifies(key, challenge, await signWithKey(ezsign, key.id, challenge))).toBe(true);
  });

  it('lets a simulated customer press after a delay', async () => {
    emulator.setButton({ mode: 'delay', delayMs: 10, timeoutMs: 60_000 });
    try {
      const key = await generateKeyPair(ezsign, { label: 'delayed', usage: 'SIGNING', modulusBits: BITS });
      const data = Buffer.from('delayed');
      expect(verifies(key, data, await signWithKey(ezsign, key.id, data))).toBe(true);
    } finally {
      emulator.setButton({ mode: 'trigger', timeoutMs: TIMEOUT_MS });
    }
  });

  it('an emulated iKey has no button: it generates and signs without a press', async () => {
    const key = await generateKeyPair(ikey, { label: 'ikey', usage: 'SIGNING', modulusBits: BITS });
    const data = Buffer.from('no button');
    expect(verifies(key, data, await signWithKey(ikey, key.id, data))).toBe(true);
  });

  it('a timeout where nobody delays presses is reported the same way in delay mode', async () => {
    emulator.setButton({ mode: 'delay', delayMs: -1, timeoutMs: TIMEOUT_MS });
    try {
      const before = await keyObjects();
      await expect(
        generateKeyPair(ezsign, { label: 'never', usage: 'SIGNING', modulusBits: BITS }),
      ).rejects.toMatchObject({
        code: 'TOKEN_BUTTON_TIMEOUT',
      });
      expect(await keyObjects()).toBe(before);
    } finally {
      emulator.setButton({ mode: 'trigger', timeoutMs: TIMEOUT_MS });
    }
  });
});
