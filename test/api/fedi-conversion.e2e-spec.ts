import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rsaKeyPair } from '@app/pki/testing/keys';
import { createCsr, nodeSubtle, signChallenge, toPem } from '@app/pki';
import { IssuanceService } from '@app/api/ca/issuance.service';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CounterFixture } from '../support/counter-fixture';
import { FediCa } from '../support/fedi-fixture';

const CERTIFICATES = `query($input: FediCertificatesInput!) {
  fediCertificates(input: $input) { index serialHex commonName issuerDn notAfter problem }
}`;
const START = `mutation($input: StartFediConversionInput!) {
  startFediConversion(input: $input) { challengeId toBeSigned serialHex }
}`;
const PROVE = `mutation($input: ChallengeAnswerInput!) {
  proveFediCertificate(input: $input) { ticket expiresAt commonName email }
}`;
const SUBMIT = `mutation($input: SubmitFediConversionInput!) {
  submitFediConversion(input: $input) {
    application { id status commonName certType medium email }
    certificates { id serialHex usage status medium commonName subjectDn }
    enrolment { session }
  }
}`;
const TERMS = `query { termsOfUse { version } }`;
const DOWNLOAD = `mutation { downloadCertificates { certificates { id serialHex usage der publicKey } chain } }`;
const INSTALLED = `mutation($input: ConfirmInstalledInput!) { confirmInstalled(input: $input) { id status } }`;
const MY_CERTIFICATES = `query { myCertificates { id } }`;
const REGISTER_TOKEN = `mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id } }`;

type KeyPair = Awaited<ReturnType<typeof rsaKeyPair>>;

const keyPair = () => rsaKeyPair();

async function spki(keys: KeyPair): Promise<Uint8Array> {
  return new Uint8Array(await nodeSubtle.exportKey('spki', keys.publicKey));
}

async function csr(cn: string, keys: KeyPair): Promise<string> {
  return toPem(await createCsr({ subject: [{ type: 'CN', value: cn }], keyPair: keys }), 'CERTIFICATE REQUEST');
}

/** Today in Taipei, YYYYMMDD: the date part of a converted CN. */
function taipeiDay(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

type Body = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions: Record<string, any> }> };

async function call(url: string, query: string, variables: Record<string, unknown> = {}, headers = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-TW', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Body;
}

const codeOf = (body: Body) => body.errors?.[0]?.extensions.code;

describe('FEDI → FXML conversion (MariaDB, a legacy FEDI CA made for the suite, our CA, openssl)', () => {
  let f: CounterFixture;
  let dir: string;
  let fedi: FediCa;
  let termsVersion: string;
  const gql = (query: string, variables: Record<string, unknown> = {}, headers = {}) =>
    call(f.t.url, query, variables, headers);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fedi-e2e-'));
    fedi = await FediCa.create();
    f = await CounterFixture.start('fedi_conversion', { FEDI_CA_CERT_FILE: fedi.writeTo(dir) });
    termsVersion = (await gql(TERMS)).data!.termsOfUse.version;
  });
  afterAll(async () => {
    await f?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A FEDI key pair and its certificate, as the customer's iKey holds them. */
  async function fediHolder(idNumber: string, ca = fedi, validity?: { notBefore: Date; notAfter: Date }) {
    const keys = await keyPair();
    return { keys, pem: await ca.issue(await spki(keys), idNumber, validity) };
  }

  /** start + prove with `signer`'s key (the FEDI key unless told). */
  async function proven(holder: { keys: KeyPair; pem: string }, signer = holder.keys) {
    const start = await gql(START, { input: { certificatePem: holder.pem } });
    expect(start.errors).toBeUndefined();
    const challenge = start.data!.startFediConversion as { challengeId: string; toBeSigned: string };
    const toBeSigned = new Uint8Array(Buffer.from(challenge.toBeSigned, 'base64'));
    const signature = await signChallenge(toBeSigned, { privateKey: signer.privateKey });
    return gql(PROVE, {
      input: {
        challengeId: challenge.challengeId,
        toBeSigned: challenge.toBeSigned,
        signature: Buffer.from(signature).toString('base64'),
      },
    });
  }

  async function submitInput(ticket: string, commonName: string, overrides: Record<string, unknown> = {}) {
    const [s, e] = [await keyPair(), await keyPair()];
    return {
      ticket,
      email: 'converted@example.com.tw',
      tokenSerial: 'FEDI-IKEY-0001',
      signingCsr: await csr(commonName, s),
      encryptionCsr: await csr(commonName, e),
      requestId: randomUUID(),
      acceptedTermsVersion: termsVersion,
      ...overrides,
    };
  }

  async function counts() {
    return {
      applications: await f.count('SELECT COUNT(*) AS n FROM counter_applications'),
      certificates: await f.count('SELECT COUNT(*) AS n FROM certificates'),
      tokens: await f.count('SELECT COUNT(*) AS n FROM tokens'),
      converted: await f.count('SELECT COUNT(*) AS n FROM fedi_conversions WHERE converted_at IS NOT NULL'),
    };
  }

  const customer = SEED_CUSTOMERS[5];
  let holder: { keys: KeyPair; pem: string };
  let converted: { input: Record<string, unknown>; answer: Record<string, any> };

  it('tells FEDI certificates from others among those on a token, with why one cannot be converted', async () => {
    holder = await fediHolder(customer.idNumber);
    const expired = await fediHolder(customer.idNumber, fedi, {
      notBefore: new Date(Date.now() - 800 * 86_400_000),
      notAfter: new Date(Date.now() - 400 * 86_400_000),
    });
    const foreign = await fediHolder(customer.idNumber, await FediCa.create('Some Other CA'));
    const ours = (await f.issue({ customerId: SEED_CUSTOMERS[9].id, idNumber: SEED_CUSTOMERS[9].idNumber })).der!;
    const { data, errors } = await gql(CERTIFICATES, {
      input: { certificates: [toPem(ours, 'CERTIFICATE'), foreign.pem, expired.pem, holder.pem, 'not a certificate'] },
    });
    expect(errors).toBeUndefined();
    expect(data!.fediCertificates).toEqual([
      expect.objectContaining({ index: 2, commonName: customer.idNumber, problem: 'FEDI_CERTIFICATE_EXPIRED' }),
      expect.objectContaining({ index: 3, commonName: customer.idNumber, problem: null }),
    ]);
    expect(data!.fediCertificates[1].issuerDn).toContain('Legacy FEDI CA');
  });

  it('converts a FEDI certificate proven with its key: an FXML pair PENDING with the 8-digit CN, token bound, audited as the customer', async () => {
    const proof = await proven(holder);
    expect(proof.errors).toBeUndefined();
    const grant = proof.data!.proveFediCertificate;
    const expectedCn = `${customer.idNumber}-00-${taipeiDay()}`;
    expect(grant).toMatchObject({ commonName: expectedCn, email: customer.email });

    const input = await submitInput(grant.ticket, grant.commonName);
    const { data, errors } = await gql(SUBMIT, { input });
    expect(errors).toBeUndefined();
    const answer = data!.submitFediConversion;
    converted = { input, answer };
    expect(answer.application).toMatchObject({
      status: 'APPLIED',
      commonName: expectedCn,
      certType: 'FXML',
      medium: 'IKEY',
      email: 'converted@example.com.tw',
    });
    expect(answer.certificates.map((c: { usage: string; status: string }) => [c.usage, c.status])).toEqual([
      ['SIGNING', 'PENDING'],
      ['ENCRYPTION', 'PENDING'],
    ]);
    expect(answer.certificates[0].subjectDn).toContain(`CN=${expectedCn}`);

    const [application] = await f.t.dataSource.query(
      'SELECT teller_id, branch_id, common_name FROM counter_applications WHERE id = ?',
      [answer.application.id],
    );
    expect(application).toEqual({ teller_id: null, branch_id: customer.homeBranchId, common_name: expectedCn });
    const tokens = await f.t.dataSource.query(
      "SELECT type, owner_customer_id, status FROM tokens WHERE serial = 'FEDI-IKEY-0001'",
    );
    expect(tokens).toEqual([{ type: 'IKEY', owner_customer_id: customer.id, status: 'ACTIVE' }]);
    const rows = await f.t.dataSource.query(
      'SELECT token_id IS NOT NULL AS bound FROM certificates WHERE application_id = ?',
      [answer.application.id],
    );
    expect(rows.map((r: { bound: number | string }) => Number(r.bound))).toEqual([1, 1]);
    const [audit] = await f.t.dataSource.query(
      "SELECT actor_type, actor_id, `after` FROM audit_events WHERE action = 'FEDI_CONVERTED' AND target_id = ?",
      [answer.application.id],
    );
    expect(audit).toMatchObject({ actor_type: 'CUSTOMER', actor_id: customer.id });
    const after = JSON.parse(String(audit.after)) as Record<string, unknown>;
    expect(after).toMatchObject({ termsVersion, tokenSerial: 'FEDI-IKEY-0001' });
    expect(after.fediSerial).toMatch(/^[0-9a-f]+$/);
    expect(String(after.fediIssuer)).toContain('Legacy FEDI CA');
  });

  it('is completed by the ordinary download and install: the pair verifies against our chain', async () => {
    const session = converted.answer.enrolment.session as string;
    await f.t.app.get(IssuanceService).signPending();
    const download = await gql(DOWNLOAD, {}, { 'x-customer-session': session });
    expect(download.errors).toBeUndefined();
    const { certificates, chain } = download.data!.downloadCertificates;
    f.ssl.file('fedi-chain.pem', chain.map((der: string) => toPem(Buffer.from(der, 'base64'), 'CERTIFICATE')).join(''));
    for (const c of certificates) {
      f.ssl.file(`fedi-${c.usage}.pem`, toPem(Buffer.from(c.der, 'base64'), 'CERTIFICATE'));
      expect(f.ssl.run('verify', '-CAfile', 'fedi-chain.pem', `fedi-${c.usage}.pem`)).toContain('OK');
      expect(f.ssl.run('x509', '-in', `fedi-${c.usage}.pem`, '-noout', '-subject')).toMatch(
        new RegExp(`CN ?= ?${customer.idNumber}-00-${taipeiDay()}`),
      );
    }
    const installed = await gql(
      INSTALLED,
      { input: { certificateIds: certificates.map((c: { id: string }) => c.id) } },
      { 'x-customer-session': session },
    );
    expect(installed.errors).toBeUndefined();
    const [application] = await f.t.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [
      converted.answer.application.id,
    ]);
    expect(application.status).toBe('COMPLETED');
  });

  it('answers a replayed requestId with the first pair and makes nothing new', async () => {
    const before = await counts();
    const again = await gql(SUBMIT, { input: converted.input });
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitFediConversion.certificates.map((c: { id: string }) => c.id)).toEqual(
      converted.answer.certificates.map((c: { id: string }) => c.id),
    );
    expect(await counts()).toEqual(before);
  });

  it('converts a FEDI certificate once: a second start, or a new requestId, is FEDI_ALREADY_CONVERTED', async () => {
    const before = await counts();
    expect(codeOf(await gql(START, { input: { certificatePem: holder.pem } }))).toBe('FEDI_ALREADY_CONVERTED');
    const other = await submitInput(converted.input.ticket as string, converted.answer.application.commonName);
    expect(codeOf(await gql(SUBMIT, { input: other }))).toBe('FEDI_ALREADY_CONVERTED');
    const listed = await gql(CERTIFICATES, { input: { certificates: [holder.pem] } });
    expect(listed.data!.fediCertificates[0].problem).toBe('FEDI_ALREADY_CONVERTED');
    expect(await counts()).toEqual(before);
  });

  it('refuses a proof signed by another key, and a foreign, an expired or an unknown holder’s certificate; nothing changes', async () => {
    const before = await counts();
    const someone = await fediHolder(SEED_CUSTOMERS[6].idNumber);
    expect(codeOf(await proven(someone, await keyPair()))).toBe('CERTIFICATE_PROOF_FAILED');
    const [failed] = await f.t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'FEDI_PROOF_FAILED' AND `after` LIKE '%signature does not verify%'",
    );
    expect(Number(failed.n)).toBe(1);

    const foreign = await fediHolder(SEED_CUSTOMERS[6].idNumber, await FediCa.create('Some Other CA'));
    expect(codeOf(await gql(START, { input: { certificatePem: foreign.pem } }))).toBe('FEDI_CERTIFICATE_UNTRUSTED');
    const ours = (await f.issue({ customerId: SEED_CUSTOMERS[6].id, idNumber: SEED_CUSTOMERS[6].idNumber })).der!;
    const certificatesBefore = before.certificates + 1;
    expect(codeOf(await gql(START, { input: { certificatePem: toPem(ours, 'CERTIFICATE') } }))).toBe(
      'FEDI_CERTIFICATE_UNTRUSTED',
    );
    const expired = await fediHolder(SEED_CUSTOMERS[6].idNumber, fedi, {
      notBefore: new Date(Date.now() - 800 * 86_400_000),
      notAfter: new Date(Date.now() - 60_000),
    });
    const refusal = await gql(START, { input: { certificatePem: expired.pem } });
    expect(codeOf(refusal)).toBe('FEDI_CERTIFICATE_EXPIRED');
    expect(refusal.errors![0].message).toContain('已到期');
    // Someone holding a copy of a stranger's certificate learns nothing: the start looks alike, and
    // only the holder of the FEDI key hears that they are not on record.
    const stranger = await fediHolder('A123456789');
    expect(codeOf(await proven(stranger, await keyPair()))).toBe('CERTIFICATE_PROOF_FAILED');
    expect(codeOf(await proven(stranger))).toBe('FEDI_CUSTOMER_UNKNOWN');
    const [strangerRow] = await f.t.dataSource.query(
      'SELECT customer_id AS customerId FROM fedi_conversions WHERE subject_dn LIKE ?',
      ['%A123456789%'],
    );
    expect(strangerRow.customerId).toBeNull();
    const nameless = await fediHolder('FEDI-USER-7');
    expect(codeOf(await gql(START, { input: { certificatePem: nameless.pem } }))).toBe('FEDI_CERTIFICATE_NAME_INVALID');

    expect(await counts()).toEqual({ ...before, certificates: certificatesBefore });
  });

  it('takes the next sequence of the day, counting the 6-digit CNs the counter gave the same ID', async () => {
    const holderOf = SEED_CUSTOMERS[11];
    const teller = await f.t.signIn('teller01');
    const registered = await f.t.gql(
      `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { commonName } }`,
      { input: { customerId: holderOf.id, medium: 'IKEY', email: holderOf.email } },
      { token: teller },
    );
    expect(registered.body.data!.registerApplication.commonName).toBe(
      `${holderOf.idNumber}-00-${taipeiDay().slice(2)}`,
    );
    const proof = await proven(await fediHolder(holderOf.idNumber));
    expect(proof.data!.proveFediCertificate.commonName).toBe(`${holderOf.idNumber}-01-${taipeiDay()}`);
  });

  it('refuses a token registered to someone else (80070005), and its ticket is no session; nothing changes', async () => {
    const owner = SEED_CUSTOMERS[7];
    const teller = await f.t.signIn('teller01');
    await f.t.gql(
      REGISTER_TOKEN,
      { input: { customerId: owner.id, type: 'IKEY', serial: 'OTHER-IKEY-1' } },
      { token: teller },
    );
    const someone = await fediHolder(SEED_CUSTOMERS[8].idNumber);
    const proof = await proven(someone);
    expect(proof.errors).toBeUndefined();
    const { ticket, commonName } = proof.data!.proveFediCertificate;
    const before = await counts();

    const denied = await gql(SUBMIT, { input: await submitInput(ticket, commonName, { tokenSerial: 'OTHER-IKEY-1' }) });
    expect(codeOf(denied)).toBe('ACCESS_DENIED');
    expect(denied.errors![0].extensions.manualCode).toBe('80070005');
    expect(
      codeOf(await gql(SUBMIT, { input: await submitInput(ticket, commonName, { email: 'not-an-address' }) })),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(SUBMIT, { input: await submitInput(`${ticket}x`, commonName) }))).toBe(
      'FEDI_TICKET_INVALID',
    );
    expect(codeOf(await gql(MY_CERTIFICATES, {}, { 'x-customer-session': ticket }))).toBe('CUSTOMER_SESSION_INVALID');
    expect((await gql(MY_CERTIFICATES, {}, { authorization: `Bearer ${ticket}` })).errors).toBeDefined();
    expect(await counts()).toEqual(before);
  });
});

describe('FEDI conversion without a FEDI CA configured', () => {
  let f: CounterFixture;
  beforeAll(async () => {
    f = await CounterFixture.start('fedi_unconfigured');
  });
  afterAll(() => f?.close());

  it('answers FEDI_CONVERSION_UNAVAILABLE and records nothing', async () => {
    const fedi = await FediCa.create();
    const keys = await keyPair();
    const pem = await fedi.issue(await spki(keys), SEED_CUSTOMERS[5].idNumber);
    const start = await call(f.t.url, START, { input: { certificatePem: pem } });
    expect(codeOf(start)).toBe('FEDI_CONVERSION_UNAVAILABLE');
    expect(start.errors![0].message).toContain('FEDI');
    expect(codeOf(await call(f.t.url, CERTIFICATES, { input: { certificates: [pem] } }))).toBe(
      'FEDI_CONVERSION_UNAVAILABLE',
    );
    expect(await f.count('SELECT COUNT(*) AS n FROM fedi_conversions')).toBe(0);
  });
});
