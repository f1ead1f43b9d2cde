import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { changePin, resetUserPin } from './pin-state';
import { Pkcs11Module } from './pkcs11-module';
import { TokenEmulator } from './testing/token-emulator';
import { TokenSession } from './token-session';

const PIN = '123456';
const WRONG = '000000';

/** The iKey retry counter as the token emulator implements it, met only through PKCS#11. */
describe('the PIN retry counter of an emulated iKey', () => {
  let emulator: TokenEmulator;
  let module: Pkcs11Module;
  let counting: string;
  let locking: string;

  const open = (serial: string) => TokenSession.open(module, { serial });

  beforeAll(() => {
    emulator = TokenEmulator.create();
    counting = emulator.addToken({ label: 'Counting iKey', type: 'IKEY', pin: PIN });
    locking = emulator.addToken({ label: 'Locking iKey', type: 'IKEY', pin: PIN });
    module = Pkcs11Module.load(emulator.modulePath);
  });

  afterAll(() => {
    module.release();
    emulator.dispose();
  });

  it('counts wrong PINs, shows COUNT_LOW, and resets the count on a correct PIN', async () => {
    const session = await open(counting);
    try {
      for (let i = 0; i < 3; i++) {
        await expect(session.login(WRONG)).rejects.toMatchObject({
          code: 'TOKEN_PIN_INCORRECT',
          details: { countLow: true, finalTry: false, locked: false },
        });
      }
      expect(emulator.wrongPinCount(counting)).toBe(3);
      await session.login(PIN);
      expect(session.pinState()).toMatchObject({ countLow: false, finalTry: false, locked: false });
      expect(emulator.wrongPinCount(counting)).toBe(0);
    } finally {
      await session.logout();
      await session.close();
    }
  });

  it('counts a wrong old PIN in a PIN change, and a successful change resets the count', async () => {
    const session = await open(counting);
    try {
      await expect(changePin(session, WRONG, '654321')).rejects.toMatchObject({ code: 'TOKEN_PIN_INCORRECT' });
      expect(emulator.wrongPinCount(counting)).toBe(1);
      await changePin(session, PIN, '654321');
      expect(emulator.wrongPinCount(counting)).toBe(0);
      expect(session.pinState().countLow).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('after 9 wrong PINs refuses the final try unless the customer was warned; the 10th locks the token', async () => {
    const session = await open(locking);
    try {
      for (let i = 1; i <= 9; i++) {
        await expect(session.login(WRONG)).rejects.toMatchObject({
          code: 'TOKEN_PIN_INCORRECT',
          details: { finalTry: i === 9, locked: false },
        });
      }
      expect(session.pinState()).toMatchObject({ countLow: true, finalTry: true, locked: false });

      // Refused before the PIN reaches the token: even the right PIN would otherwise reset the count.
      await expect(session.login(PIN)).rejects.toMatchObject({ code: 'TOKEN_PIN_FINAL_TRY' });
      await expect(changePin(session, PIN, '654321')).rejects.toMatchObject({ code: 'TOKEN_PIN_FINAL_TRY' });
      expect(emulator.wrongPinCount(locking)).toBe(9);

      await expect(session.login(WRONG, { customerWarned: true })).rejects.toMatchObject({
        code: 'TOKEN_PIN_LOCKED',
        details: { locked: true },
      });
      expect(session.pinState().locked).toBe(true);
      await expect(session.login(PIN, { customerWarned: true })).rejects.toMatchObject({ code: 'TOKEN_PIN_LOCKED' });
      await expect(changePin(session, PIN, '654321', { customerWarned: true })).rejects.toMatchObject({
        code: 'TOKEN_PIN_LOCKED',
      });
    } finally {
      await session.close();
    }
    // The token itself refuses the right PIN, not only our guard.
    expect(() => emulator.pkcs11Tool(['--token-label', 'Locking iKey', '--login', '--pin', PIN, '-O'])).toThrow(
      /CKR_PIN_LOCKED/,
    );
  });

  it('stays locked across a restart, until the security officer sets a new user PIN', async () => {
    module.release();
    module = Pkcs11Module.load(emulator.modulePath);
    const session = await open(locking);
    try {
      expect(session.pinState().locked).toBe(true);
      expect(emulator.pkcs11Tool(['-L'])).toMatch(/token label\s+: Locking iKey[\s\S]*?user PIN locked/);

      await expect(resetUserPin(session, '11111111', '112233')).rejects.toMatchObject({ code: 'TOKEN_PIN_INCORRECT' });
      expect(session.pinState().locked).toBe(true);
      await resetUserPin(session, '87654321', '112233');
      expect(session.pinState()).toMatchObject({ countLow: false, locked: false });
      await session.login('112233');
      expect(emulator.wrongPinCount(locking)).toBe(0);
      await session.logout();
    } finally {
      await session.close();
    }
  });
});
