import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isLoggedIn } from './key-pairs';
import { Pkcs11Module } from './pkcs11-module';
import { TokenEmulator } from './testing/token-emulator';
import { listTokens } from './token-info';
import { listCertificates } from './token-objects';
import { TokenSession } from './token-session';

const PIN = '123456';

/** A token pulled out of its reader and put back, as the emulator shows it through PKCS#11. */
describe('an emulated token removed from its reader', () => {
  let emulator: TokenEmulator;
  let module: Pkcs11Module;
  let pulled: string;
  let stays: string;

  const serials = () => listTokens(module).map((t) => t.serial);

  beforeAll(() => {
    emulator = TokenEmulator.create();
    pulled = emulator.addToken({ label: 'Pulled iKey', type: 'IKEY', pin: PIN });
    stays = emulator.addToken({ label: 'Staying ezSign', type: 'EZSIGN', pin: PIN });
    module = Pkcs11Module.load(emulator.modulePath);
  });

  afterAll(() => {
    module.release();
    emulator.dispose();
  });

  it('leaves the slot empty, fails the open session with CKR_DEVICE_REMOVED and refuses new ones', async () => {
    const session = await TokenSession.open(module, { serial: pulled });
    const other = await TokenSession.open(module, { serial: stays });
    await session.login(PIN);
    expect(serials()).toEqual(expect.arrayContaining([pulled, stays]));

    emulator.remove('Pulled iKey');
    expect(emulator.isRemoved(pulled)).toBe(true);
    expect(serials()).not.toContain(pulled);
    expect(serials()).toContain(stays);
    const listing = emulator.pkcs11Tool(['-L']);
    expect(listing).toMatch(/Emulated iKey reader\s+\(empty\)/);
    expect(listing).not.toContain('Pulled iKey');
    expect(() => emulator.pkcs11Tool(['--token-label', 'Pulled iKey', '-O'])).toThrow(/No slot with token/);

    await expect(listCertificates(session)).rejects.toMatchObject({
      code: 'TOKEN_NOT_PRESENT',
      details: { ckr: 'CKR_DEVICE_REMOVED' },
    });
    await expect(TokenSession.open(module, { serial: pulled })).rejects.toMatchObject({
      code: 'TOKEN_NOT_PRESENT',
    });
    // The other reader's token is untouched.
    await expect(other.run((s) => isLoggedIn(s))).resolves.toBe(false);
    await session.close();
    await other.close();
  });

  it('comes back logged out: the old session stays dead, a new one needs the PIN again', async () => {
    const old = await TokenSession.open(module, { serial: stays });
    await old.login(PIN);
    emulator.remove(stays);
    expect(serials()).not.toContain(stays);
    emulator.insert(stays);
    expect(serials()).toContain(stays);

    await expect(old.run((s) => isLoggedIn(s))).rejects.toMatchObject({
      code: 'TOKEN_NOT_PRESENT',
      details: { ckr: 'CKR_DEVICE_REMOVED' },
    });
    const fresh = await TokenSession.open(module, { serial: stays });
    await expect(fresh.run((s) => isLoggedIn(s))).resolves.toBe(false);
    await fresh.login(PIN);
    await expect(fresh.run((s) => isLoggedIn(s))).resolves.toBe(true);
    await expect(old.run((s) => isLoggedIn(s))).rejects.toMatchObject({ code: 'TOKEN_NOT_PRESENT' });
    await old.close();
    await fresh.logout();
    await fresh.close();
  });

  it('ends the sessions even when nothing in this process looked while the token was out', async () => {
    emulator.insert(pulled);
    const old = await TokenSession.open(module, { serial: pulled });
    await old.login(PIN);
    emulator.remove(pulled);
    emulator.insert(pulled);

    const fresh = await TokenSession.open(module, { serial: pulled });
    await expect(fresh.run((s) => isLoggedIn(s))).resolves.toBe(false);
    await expect(old.run((s) => isLoggedIn(s))).rejects.toMatchObject({ code: 'TOKEN_NOT_PRESENT' });
    await old.close();
    await fresh.close();
  });
});
