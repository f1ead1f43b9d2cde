import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/contracts';
import { Pkcs11Module } from './pkcs11-module';
import { SOFTHSM_MODULE, SoftHsm } from './testing/softhsm';
import { findToken, listTokens, tokenType } from './token-info';

describe('token info on SoftHSM', () => {
  let hsm: SoftHsm;
  let module: Pkcs11Module;
  let serial: string;

  beforeAll(() => {
    hsm = new SoftHsm();
    serial = hsm.initToken({ label: 'Customer Token', pin: '123456' });
    hsm.initToken({ label: 'Other', pin: '123456' });
    module = Pkcs11Module.load(SOFTHSM_MODULE);
  });

  afterAll(() => {
    module.release();
    hsm.dispose();
  });

  it('lists the initialised tokens with trimmed label, serial, manufacturer and type SOFT', () => {
    const tokens = listTokens(module);
    const mine = tokens.find((t) => t.serial === serial);
    expect(mine).toMatchObject({
      label: 'Customer Token',
      manufacturer: 'SoftHSM project',
      model: 'SoftHSM v2',
      type: 'SOFT',
    });
    expect(serial).toMatch(/^[0-9a-f]{16}$/);
    expect(tokens.map((t) => t.label)).toEqual(expect.arrayContaining(['Customer Token', 'Other']));
  });

  it('reports the module C_GetInfo', () => {
    expect(module.info()).toMatchObject({ path: SOFTHSM_MODULE, manufacturer: 'SoftHSM', cryptokiVersion: '2.40' });
  });

  it('finds a token by serial and by label, and reports a missing one as not present', () => {
    expect(findToken(module, { serial }).info.label).toBe('Customer Token');
    expect(findToken(module, { label: 'Other' }).info.serial).not.toBe(serial);
    expect(() => findToken(module, { serial: 'nope' })).toThrow(expect.objectContaining({ code: 'TOKEN_NOT_PRESENT' }));
  });

  it('hands the same instance to a second load of the same path, finalising only on the last release', () => {
    const again = Pkcs11Module.load(SOFTHSM_MODULE);
    expect(again).toBe(module);
    again.release();
    expect(module.active).toBe(true);
    expect(listTokens(module).length).toBeGreaterThan(0);
  });

  it('reports a module that cannot be loaded', () => {
    let error: unknown;
    try {
      Pkcs11Module.load('/nonexistent/libpkcs11.so');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'TOKEN_MODULE_UNAVAILABLE', details: { path: '/nonexistent/libpkcs11.so' } });
  });
});

describe('tokenType', () => {
  it('maps models by the configured rules, and anything unknown to SOFT', () => {
    expect(tokenType('SafeNet, Inc.', 'iKey 2032')).toBe('IKEY');
    expect(tokenType('Acme', 'ezSign S1')).toBe('EZSIGN');
    expect(tokenType('SoftHSM project', 'SoftHSM v2')).toBe('SOFT');
    const rules = [{ type: 'EZSIGN' as const, manufacturer: /^Acme$/ }];
    expect(tokenType('Acme', 'X-1', rules)).toBe('EZSIGN');
    expect(tokenType('SafeNet, Inc.', 'iKey 2032', rules)).toBe('SOFT');
  });
});
