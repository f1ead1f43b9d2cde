import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Pkcs11Module } from '../pkcs11-module';
import { listTokens } from '../token-info';
import { TokenEmulator } from './token-emulator';

describe('the token emulator as a PKCS#11 module', () => {
  let emulator: TokenEmulator;
  let module: Pkcs11Module;
  let ikey: string;
  let ezsign: string;
  let soft: string;

  beforeAll(() => {
    emulator = TokenEmulator.create();
    ikey = emulator.addToken({ label: 'Customer iKey', type: 'IKEY' });
    ezsign = emulator.addToken({ label: 'Customer ezSign', type: 'EZSIGN' });
    soft = emulator.addToken({ label: 'Plain', type: 'SOFT' });
    module = Pkcs11Module.load(emulator.modulePath);
  });

  afterAll(() => {
    module.release();
    emulator.dispose();
  });

  it('presents iKey and ezSign models the type rules recognise, and leaves other tokens alone', () => {
    const bySerial = new Map(listTokens(module).map((t) => [t.serial, t]));
    expect(bySerial.get(ikey)).toMatchObject({
      label: 'Customer iKey',
      model: 'iKey 2032',
      type: 'IKEY',
      certificateCapacity: 6,
    });
    expect(bySerial.get(ezsign)).toMatchObject({ label: 'Customer ezSign', model: 'ezSign', type: 'EZSIGN' });
    expect(bySerial.get(soft)).toMatchObject({ manufacturer: 'SoftHSM project', type: 'SOFT' });
    expect(module.info()).toMatchObject({ manufacturer: 'branch-ra token emulator', cryptokiVersion: '2.40' });
  });

  it('reports free public memory from the certificate capacity: 6 places on an iKey, 4 on an ezSign', () => {
    const bySerial = new Map(listTokens(module).map((t) => [t.serial, t]));
    expect(bySerial.get(ikey)).toMatchObject({ totalPublicMemory: 6 * 4096, freePublicMemory: 6 * 4096 });
    expect(bySerial.get(ezsign)).toMatchObject({ totalPublicMemory: 4 * 4096, freePublicMemory: 4 * 4096 });
  });

  it('works with pkcs11-tool -L and -O in a process of its own', () => {
    const slots = emulator.pkcs11Tool(['-L']);
    expect(slots).toMatch(/token label\s+: Customer iKey\s+token manufacturer\s+: SafeNet, Inc\. \(emulated\)/);
    expect(slots).toMatch(/token model\s+: ezSign/);
    const objects = emulator.pkcs11Tool([
      '--token-label',
      'Customer iKey',
      '--login',
      '--pin',
      '123456',
      '--keypairgen',
      '--key-type',
      'rsa:2048',
      '--label',
      'tool key',
      '--id',
      '01',
    ]);
    expect(objects).toMatch(/Private Key Object; RSA\s+label:\s+tool key/);
    expect(emulator.pkcs11Tool(['--token-label', 'Customer iKey', '--login', '--pin', '123456', '-O'])).toMatch(
      /Public Key Object; RSA 2048 bits\s+label:\s+tool key/,
    );
  });

  it('makes pkcs11-tool wait for the ezSign button in multi-part signing (C_SignFinal) too', () => {
    const tool = (args: readonly string[]) =>
      emulator.pkcs11Tool(['--token-label', 'Customer ezSign', '--login', '--pin', '123456', ...args]);
    const dataFile = join(emulator.dir, 'data.txt');
    writeFileSync(dataFile, 'to be signed');
    const sign = ['--sign', '-m', 'SHA256-RSA-PKCS', '--id', '02', '-i', dataFile, '-o', join(emulator.dir, 'sig')];
    emulator.setButton({ mode: 'trigger', timeoutMs: 300 });
    try {
      expect(() => tool(['--keypairgen', '--key-type', 'rsa:1024', '--id', '02', '--label', 'k'])).toThrow(
        /CKR_FUNCTION_CANCELED/,
      );
      emulator.press(ezsign);
      tool(['--keypairgen', '--key-type', 'rsa:1024', '--id', '02', '--label', 'k']);
      expect(() => tool(sign)).toThrow(/C_SignFinal failed: rv = CKR_FUNCTION_CANCELED/);
      emulator.press(ezsign);
      tool(sign);
      expect(readFileSync(join(emulator.dir, 'sig')).byteLength).toBe(128);
    } finally {
      emulator.setButton({ mode: 'trigger' });
    }
  }, 20_000);

  it('fails with a message naming the setting when the real module cannot be loaded', () => {
    const res = spawnSync('pkcs11-tool', ['--module', emulator.modulePath, '-L'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TOKEN_EMULATOR_MODULE: '/nonexistent/libsofthsm2.so' },
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(
      /cannot load the real PKCS#11 module \/nonexistent\/libsofthsm2\.so \(TOKEN_EMULATOR_MODULE\)/,
    );
  });
});

describe('a token emulator kept in a folder of its own', () => {
  it('still presents the tokens of an earlier run as iKeys and ezSigns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-emulator-kept-'));
    try {
      const serial = TokenEmulator.create({ dir }).addToken({ label: 'Kept', type: 'EZSIGN' });
      const again = TokenEmulator.create({ dir });
      const module = Pkcs11Module.load(again.modulePath);
      try {
        expect(listTokens(module).find((t) => t.serial === serial)).toMatchObject({ label: 'Kept', type: 'EZSIGN' });
      } finally {
        module.release();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
