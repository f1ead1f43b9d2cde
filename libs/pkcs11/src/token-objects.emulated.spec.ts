import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ObjectClass } from 'graphene-pk11';
import { type EndEntityProfile, issueCertificate, randomSerial } from '@app/pki';
import { createTestHierarchy, type TestHierarchy } from '@app/pki/testing/hierarchy';
import { generateKeyPair, type TokenKeyPair } from './key-pairs';
import { Pkcs11Module } from './pkcs11-module';
import { TokenEmulator } from './testing/token-emulator';
import {
  certificateRoom,
  deleteCertificateWithKeys,
  listCertificates,
  writeCaCertificate,
  writeCertificate,
} from './token-objects';
import { TokenSession } from './token-session';

const PROFILE: EndEntityProfile = { policyOids: ['1.3.6.1.4.1.99999.1.2'], crlUrls: [], ocspUrls: [] };
const PIN = '123456';

/** Certificate capacity of the emulated tokens, met only through PKCS#11. */
describe('certificate capacity of emulated tokens', () => {
  let emulator: TokenEmulator;
  let module: Pkcs11Module;
  let h: TestHierarchy;
  const serials = new Map<string, string>();

  beforeAll(async () => {
    // The ezSign's button is pressed at once: this file is about capacity.
    emulator = TokenEmulator.create({ button: { mode: 'delay', delayMs: 0 } });
    // SoftHSM finds its tokens when the module is initialised: all of them are made first.
    for (const [label, type] of [
      ['IKEY capacity', 'IKEY'],
      ['EZSIGN capacity', 'EZSIGN'],
      ['Plain store', 'SOFT'],
    ] as const) {
      serials.set(label, emulator.addToken({ label, type, pin: PIN }));
    }
    h = await createTestHierarchy();
    module = Pkcs11Module.load(emulator.modulePath);
  });

  afterAll(() => {
    module.release();
    emulator.dispose();
  });

  /** A fresh logged-in token of `type` with the CA chain written, and a way to add certified key pairs. */
  const freshToken = async (label: string) => {
    const session = await TokenSession.open(module, { serial: serials.get(label) ?? '' });
    await session.login(PIN);
    await writeCaCertificate(session, h.root, 'Test Root CA');
    await writeCaCertificate(session, h.issuing, 'Test Issuing CA');
    const certifiedKey = async (n: number) => {
      // Small keys: this is about places on the token, and a busy test machine is slow with RSA-2048.
      const key = await generateKeyPair(session, { label: `${label} ${n}`, usage: 'SIGNING', modulusBits: 1024 });
      const der = await issueCertificate({
        publicKey: key.spki,
        subject: [{ type: 'CN', value: `U139514691-00-0${n}` }],
        usage: 'SIGNING',
        serial: randomSerial(),
        notBefore: new Date(Date.now() - 60_000),
        notAfter: new Date(Date.now() + 365 * 24 * 3600 * 1000),
        profile: PROFILE,
        issuer: h.issuingCa,
      });
      return { key, der };
    };
    return { session, certifiedKey };
  };

  it.each([
    ['IKEY', 6],
    ['EZSIGN', 4],
  ] as const)(
    'an emulated %s holds %i certificates besides the CA chain and refuses one more',
    async (type, capacity) => {
      const { session, certifiedKey } = await freshToken(`${type} capacity`);
      try {
        expect(await certificateRoom(session)).toEqual({ capacity, used: 0, free: capacity });
        const pairs: { key: TokenKeyPair; der: Uint8Array }[] = [];
        for (let n = 1; n <= capacity + 1; n++) pairs.push(await certifiedKey(n));
        for (const { der } of pairs.slice(0, capacity)) await writeCertificate(session, der);
        expect(await certificateRoom(session)).toEqual({ capacity, used: capacity, free: 0 });

        const last = pairs[capacity];
        await expect(writeCertificate(session, last.der)).rejects.toMatchObject({ code: 'TOKEN_FULL' });
        const copyOfFirst = () =>
          session.run((s) => {
            s.find({ class: ObjectClass.CERTIFICATE, id: Buffer.from(pairs[0].key.id) })
              .items(0)
              .copy({ label: 'copy' });
          });
        await expect(copyOfFirst()).rejects.toMatchObject({ code: 'TOKEN_FULL' });
        const listed = await listCertificates(session);
        expect(listed).toHaveLength(capacity + 2);
        expect(listed.filter((c) => !c.authority)).toHaveLength(capacity);

        // Deleting an old certificate with its keys makes the place the renewal needs.
        await deleteCertificateWithKeys(session, pairs[0].key.id);
        expect(await certificateRoom(session)).toEqual({ capacity, used: capacity - 1, free: 1 });
        await writeCertificate(session, last.der);
        expect(await certificateRoom(session)).toEqual({ capacity, used: capacity, free: 0 });
      } finally {
        await session.logout();
        await session.close();
      }
    },
    30_000,
  );

  it('reports no capacity for a token no type rule knows', async () => {
    const session = await TokenSession.open(module, { label: 'Plain store' });
    try {
      expect(await certificateRoom(session)).toEqual({ used: 0 });
    } finally {
      await session.close();
    }
  });
});
