import { describe, expect, it } from '@jest/globals';
import { caIssuer, createCaCertificate, issueCertificate, randomSerial, toPem, type CaIssuer } from '@app/pki';
import type { DnAttribute } from '@app/domain';
import { rsaKeyPair } from '@app/pki/testing/keys';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../config/env';
import { CustomerSessionService } from '../customer-session/customer-session.service';
import { FediTicketService } from './fedi-ticket.service';
import { FediTrust, readFediAnchors } from './fedi-trust';

const DAY = 86_400_000;
const SECRET = 'unit-only-secret-unit-only-secret-unit-only';
const spki = async (k: webcrypto.CryptoKey) => new Uint8Array(await webcrypto.subtle.exportKey('spki', k));

async function ca(name: string): Promise<CaIssuer> {
  const keys = await rsaKeyPair();
  const der = await createCaCertificate({
    subject: [{ type: 'CN', value: name }],
    publicKey: await spki(keys.publicKey),
    notBefore: new Date(Date.now() - 1000 * DAY),
    notAfter: new Date(Date.now() + 1000 * DAY),
    signedBy: { selfSigned: { privateKey: keys.privateKey } },
  });
  return caIssuer(der, { privateKey: keys.privateKey });
}

async function leaf(issuer: CaIssuer, cn: string, days = [-10, 10]): Promise<string> {
  const keys = await rsaKeyPair();
  const subject: DnAttribute[] = [
    { type: 'O', value: 'FEDI' },
    { type: 'CN', value: cn },
  ];
  const der = await issueCertificate({
    publicKey: await spki(keys.publicKey),
    subject,
    usage: 'SIGNING',
    serial: randomSerial(),
    notBefore: new Date(Date.now() + days[0] * DAY),
    notAfter: new Date(Date.now() + days[1] * DAY),
    profile: { policyOids: [], crlUrls: [], ocspUrls: [] },
    issuer,
  });
  return toPem(der, 'CERTIFICATE');
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('trust in the legacy FEDI CA', () => {
  it('accepts what a configured FEDI CA issued, in validity, with an ID in its CN; refuses the rest with its code', async () => {
    const [fedi, other] = [await ca('Legacy FEDI CA'), await ca('Other CA')];
    const dir = mkdtempSync(join(tmpdir(), 'fedi-unit-'));
    const file = join(dir, 'fedi.pem');
    writeFileSync(file, toPem(other.certificate.der, 'CERTIFICATE') + toPem(fedi.certificate.der, 'CERTIFICATE'));
    const trust = new FediTrust({ FEDI_CA_CERT_FILE: file } as Env);

    const good = trust.check(await leaf(fedi, 'U139514691'));
    expect(good).toMatchObject({ idNumber: 'U139514691', commonName: 'U139514691' });
    expect(good.issuerDn).toBe('CN=Legacy FEDI CA');
    expect(trust.check(await leaf(fedi, 'u139514691-legacy')).idNumber).toBe('U139514691');
    // Both certificates of the file are anchors.
    expect(trust.check(await leaf(other, 'U139514691')).idNumber).toBe('U139514691');

    const stranger = await ca('Stranger CA');
    expect(codeOf(() => trust.check(toPem(stranger.certificate.der, 'CERTIFICATE')))).toBe(
      'FEDI_CERTIFICATE_UNTRUSTED',
    );
    expect(codeOf(() => trust.check(toPem(fedi.certificate.der, 'CERTIFICATE')))).toBe('FEDI_CERTIFICATE_UNTRUSTED');
    const foreign = await leaf(stranger, 'U139514691');
    expect(codeOf(() => trust.check(foreign))).toBe('FEDI_CERTIFICATE_UNTRUSTED');
    const [expired, early, badId] = [
      await leaf(fedi, 'U139514691', [-20, -1]),
      await leaf(fedi, 'U139514691', [1, 20]),
      await leaf(fedi, 'U139514692'),
    ];
    expect(codeOf(() => trust.check(expired))).toBe('FEDI_CERTIFICATE_EXPIRED');
    expect(codeOf(() => trust.check(early))).toBe('FEDI_CERTIFICATE_EXPIRED');
    expect(codeOf(() => trust.check(badId))).toBe('FEDI_CERTIFICATE_NAME_INVALID');
    expect(codeOf(() => trust.check('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBe(
      'PKI_DATA_MALFORMED',
    );
  });

  it('is off without FEDI_CA_CERT_FILE, and a file without a certificate stops the boot', () => {
    const trust = new FediTrust({} as Env);
    expect(trust.available).toBe(false);
    expect(codeOf(() => trust.check('anything'))).toBe('FEDI_CONVERSION_UNAVAILABLE');
    expect(() => readFediAnchors('no certificate here')).toThrow(/holds no PEM certificate/);
  });
});

describe('conversion tickets', () => {
  const env = { JWT_SECRET: SECRET } as Env;
  const tickets = new FediTicketService(env);

  it('name the conversion and the customer, and pass as nothing else, nor anything else as them', () => {
    const { ticket } = tickets.issue({ conversionId: 'f1', customerId: 'c1' });
    expect(tickets.read(ticket)).toEqual({ conversionId: 'f1', customerId: 'c1' });
    expect(codeOf(() => new CustomerSessionService(env).verify(ticket))).toBe('CUSTOMER_SESSION_INVALID');
    const session = new CustomerSessionService(env).issue({
      customerId: 'c1',
      scope: 'certificate',
      applicationId: null,
      certificateId: 'x',
    });
    expect(codeOf(() => tickets.read(session.token))).toBe('FEDI_TICKET_INVALID');
    const elsewhere = new FediTicketService({ JWT_SECRET: `${SECRET}-other` } as Env).issue({
      conversionId: 'f1',
      customerId: 'c1',
    });
    expect(codeOf(() => tickets.read(elsewhere.ticket))).toBe('FEDI_TICKET_INVALID');
  });
});
