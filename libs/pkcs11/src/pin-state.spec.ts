import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { changePin, checkPinPolicy, pinState } from './pin-state';
import { openTestToken, type TestToken } from './testing/softhsm';
import { TokenSession } from './token-session';
import { TOKEN_FLAGS } from './token-info';

const code = (c: string) => expect.objectContaining({ code: c });

describe('pinState and the PIN policy', () => {
  it('reads the CKF_USER_PIN_* flags', () => {
    expect(pinState(TOKEN_FLAGS.USER_PIN_COUNT_LOW | TOKEN_FLAGS.LOGIN_REQUIRED)).toEqual({
      countLow: true,
      finalTry: false,
      locked: false,
      toBeChanged: false,
    });
    expect(pinState(TOKEN_FLAGS.USER_PIN_FINAL_TRY | TOKEN_FLAGS.USER_PIN_TO_BE_CHANGED)).toMatchObject({
      finalTry: true,
      toBeChanged: true,
    });
    expect(pinState(TOKEN_FLAGS.USER_PIN_LOCKED).locked).toBe(true);
  });

  it('checks a new PIN against the policy', () => {
    expect(() => checkPinPolicy('12345', 'old')).toThrow(code('TOKEN_PIN_POLICY'));
    expect(() => checkPinPolicy('1'.repeat(17), 'old')).toThrow(code('TOKEN_PIN_POLICY'));
    expect(() => checkPinPolicy('same12', 'same12')).toThrow(code('TOKEN_PIN_POLICY'));
    expect(() => checkPinPolicy('123456', 'old')).not.toThrow();
    expect(() => checkPinPolicy('1234', 'old', { minLength: 4, maxLength: 8 })).not.toThrow();
  });
});

describe('login and PIN change on SoftHSM', () => {
  let t: TestToken;

  beforeAll(async () => {
    t = await openTestToken({ label: 'pin-spec', pin: '123456', login: false });
  });

  afterAll(async () => {
    await t.dispose();
  });

  it('reports a wrong PIN as TOKEN_PIN_INCORRECT with the PIN state, then accepts the right one', async () => {
    await expect(t.session.login('000000')).rejects.toMatchObject({
      code: 'TOKEN_PIN_INCORRECT',
      details: { countLow: true, locked: false },
    });
    await t.session.login(t.pin);
    await t.session.logout();
    expect(t.session.pinState().countLow).toBe(false);
  });

  it('changes the PIN (C_SetPIN): the old PIN then fails and the new one works', async () => {
    await expect(changePin(t.session, '999999', '654321')).rejects.toMatchObject({ code: 'TOKEN_PIN_INCORRECT' });
    await expect(changePin(t.session, t.pin, '123')).rejects.toMatchObject({ code: 'TOKEN_PIN_POLICY' });
    await changePin(t.session, t.pin, '654321');

    const other = await TokenSession.open(t.module, { serial: t.serial });
    try {
      await expect(other.login(t.pin)).rejects.toMatchObject({ code: 'TOKEN_PIN_INCORRECT' });
      await other.login('654321');
      await other.logout();
    } finally {
      await other.close();
    }
  });
});
