import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CertificateStatus, type CertificateUsage } from '@app/contracts';
import { pdfText } from '@app/pdf/pdf-text';
import { rsaKeyPair } from '@app/pki/testing/keys';
import { createCsr, parseCsr, signChallenge, toPem } from '@app/pki';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { randomUUID } from 'node:crypto';
import { CounterFixture } from '../support/counter-fixture';
import { fxmlSubject, issuanceRequest } from '../support/issuance-factory';

const START = `mutation($input: StartCertificateChallengeInput!) {
  startCertificateChallenge(input: $input) { challengeId toBeSigned expiresAt serialHex }
}`;
const PROVE = `mutation($input: ChallengeAnswerInput!) { proveCertificate(input: $input) { session expiresAt } }`;
const MINE = `query { myCertificates { id serialHex status usage medium subjectDn issuerDn notAfter renewableFrom predecessorId } }`;
const SUSPEND = `mutation($input: SuspendMyCertificateInput!) {
  suspendMyCertificate(input: $input) { releaseAtCounterOnly certificate { id status } }
}`;
const RENEW = `mutation($input: RenewCertificatesInput!) {
  renewCertificates(input: $input) {
    certificates { id usage status predecessorId subjectDn }
    tokenRoom { tokenSerial capacity live ended }
  }
}`;
const DOWNLOAD = `mutation { downloadCertificates { certificates { id serialHex } } }`;
const REVOKE = `mutation($id: ID!, $version: Int!) {
  revokeCertificate(id: $id, reason: KEY_COMPROMISE, version: $version) { status }
}`;
const UNSUSPEND = `mutation($input: RequestUnsuspendInput!) { requestUnsuspend(input: $input) { id } }`;
const REGISTER_TOKEN = `mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id serial } }`;

type KeyPair = Awaited<ReturnType<typeof rsaKeyPair>>;

const keyPair = () => rsaKeyPair();

async function csrPem(cn: string, keys: KeyPair): Promise<string> {
  return toPem(await createCsr({ subject: [{ type: 'CN', value: cn }], keyPair: keys }), 'CERTIFICATE REQUEST');
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

describe('kiosk certificate proof, own certificates, hold and renewal (MariaDB, real CA, openssl)', () => {
  let f: CounterFixture;
  let teller: string;
  const wang = SEED_CUSTOMERS[4];
  const lin = SEED_CUSTOMERS[5];

  beforeAll(async () => {
    f = await CounterFixture.start('kiosk_proof');
    teller = await f.t.signIn('teller01');
  });
  afterAll(() => f?.close());

  const call = (...args: Parameters<CounterFixture['kiosk']>) => f.kiosk(...args);

  const codeOf = (body: { errors?: Array<{ extensions: Record<string, any> }> }) => body.errors?.[0]?.extensions.code;

  /** A certificate of `customer` for `keys`, signed by the suite's CA and moved to `status`. */
  async function issue(
    customer: (typeof SEED_CUSTOMERS)[number],
    keys: KeyPair,
    opts: { usage?: CertificateUsage; status?: CertificateStatus; tokenId?: string; sequence?: string } = {},
  ): Promise<Certificate> {
    const cn = `${customer.idNumber}-${opts.sequence ?? '01'}-261124`;
    const csr = await parseCsr(await csrPem(cn, keys));
    const issuance = f.t.app.get(IssuanceService);
    const pending = await f.t.dataSource.transaction((m) =>
      issuance.request(
        m,
        systemContext(),
        issuanceRequest(csr, {
          customerId: customer.id,
          usage: opts.usage ?? 'SIGNING',
          tokenId: opts.tokenId ?? null,
          medium: opts.tokenId ? 'IKEY' : 'PC',
          subject: fxmlSubject(customer.idNumber).map((a) => (a.type === 'CN' ? { ...a, value: cn } : a)),
        }),
      ),
    );
    const status = opts.status ?? CertificateStatus.ACTIVE;
    if (status !== CertificateStatus.PENDING) await issuance.signPending();
    const repo = f.t.dataSource.getRepository(Certificate);
    if (status !== CertificateStatus.ISSUED && status !== CertificateStatus.PENDING) {
      await repo.update({ id: pending.id }, { status });
    }
    return repo.findOneByOrFail({ id: pending.id });
  }

  async function challenge(input: Record<string, unknown>) {
    const body = await call(START, { input });
    expect(body.errors).toBeUndefined();
    return body.data!.startCertificateChallenge as { challengeId: string; toBeSigned: string; serialHex: string };
  }

  async function answer(c: { challengeId: string; toBeSigned: string }, keys: KeyPair) {
    const signature = await signChallenge(unb64(c.toBeSigned), { privateKey: keys.privateKey });
    return { challengeId: c.challengeId, toBeSigned: c.toBeSigned, signature: b64(signature) };
  }

  async function signIn(cert: Certificate, keys: KeyPair): Promise<string> {
    const body = await call(PROVE, { input: await answer(await challenge({ serialHex: cert.serialHex }), keys) });
    expect(body.errors).toBeUndefined();
    return body.data!.proveCertificate.session;
  }

  const failures = () => f.count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_PROOF_FAILED'");

  it('signs a customer in with a real key: good once, then never again; wrong key, expired, altered refused and audited', async () => {
    const keys = await keyPair();
    const cert = await issue(wang, keys);

    // As a tool prints it: upper case, colon-separated.
    const good = await challenge({ serialHex: cert.serialHex.toUpperCase().match(/../g)!.join(':') });
    expect(good.serialHex).toBe(cert.serialHex);
    const signed = await answer(good, keys);
    const proven = await call(PROVE, { input: signed });
    expect(proven.errors).toBeUndefined();
    const session = proven.data!.proveCertificate.session as string;

    const mine = await call(MINE, {}, session);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myCertificates).toContainEqual(
      expect.objectContaining({ id: cert.id, serialHex: cert.serialHex, status: 'ACTIVE', usage: 'SIGNING' }),
    );
    const ids = mine.data!.myCertificates.map((c: { id: string }) => c.id);
    const owners = await f.t.dataSource.query(
      `SELECT DISTINCT customer_id FROM certificates WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    expect(owners).toEqual([{ customer_id: wang.id }]);
    expect(mine.data!.myCertificates[0].issuerDn).toContain('Test Bank');

    // The customer session is no staff session.
    const asStaff = await f.t.gql('query { certificates { total } }', {}, { token: session });
    expect(asStaff.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');

    let before = await failures();
    expect(codeOf(await call(PROVE, { input: signed }))).toBe('CERTIFICATE_PROOF_FAILED');
    expect(await failures()).toBe(before + 1);

    const other = await keyPair();
    const wrongKey = await challenge({ serialHex: cert.serialHex });
    before = await failures();
    expect(codeOf(await call(PROVE, { input: await answer(wrongKey, other) }))).toBe('CERTIFICATE_PROOF_FAILED');
    // A wrong answer spends the challenge: the right one afterwards is too late.
    expect(codeOf(await call(PROVE, { input: await answer(wrongKey, keys) }))).toBe('CERTIFICATE_PROOF_FAILED');
    expect(await failures()).toBe(before + 2);
    const [event] = await f.t.dataSource.query(
      "SELECT target_id, after FROM audit_events WHERE action = 'CERTIFICATE_PROOF_FAILED' ORDER BY seq DESC LIMIT 1",
    );
    expect(event.target_id).toBe(cert.id);
    expect(event.after).not.toContain(signed.signature);

    const late = await challenge({ serialHex: cert.serialHex });
    await f.t.dataSource.query('UPDATE certificate_challenges SET expires_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      late.challengeId,
    ]);
    expect(codeOf(await call(PROVE, { input: await answer(late, keys) }))).toBe('CERTIFICATE_PROOF_FAILED');

    const altered = await challenge({ serialHex: cert.serialHex });
    const bytes = unb64(altered.toBeSigned);
    bytes[bytes.length - 1] ^= 0x01;
    const forged = await answer({ challengeId: altered.challengeId, toBeSigned: b64(bytes) }, keys);
    expect(codeOf(await call(PROVE, { input: forged }))).toBe('CERTIFICATE_PROOF_FAILED');

    expect(codeOf(await call(START, { input: { serialHex: 'abcdef0123456789' } }))).toBe('CERTIFICATE_PROOF_FAILED');
    expect(codeOf(await call(MINE, {}, 'not-a-session'))).toBe('CUSTOMER_SESSION_INVALID');
    expect(codeOf(await call(MINE, {}, teller))).toBe('CUSTOMER_SESSION_INVALID');
  });

  it('refuses a revoked or lapsed certificate, before and after the challenge', async () => {
    const keys = await keyPair();
    const cert = await issue(wang, keys, { sequence: '02' });
    const pending = await challenge({ serialHex: cert.serialHex });
    const revoked = await f.t.gql(REVOKE, { id: cert.id, version: cert.version }, { token: teller });
    expect(revoked.body.errors).toBeUndefined();
    const late = await call(PROVE, { input: await answer(pending, keys) });
    expect(codeOf(late)).toBe('CERTIFICATE_NOT_USABLE');
    expect(late.errors![0].extensions.params.status).toBe('REVOKED');
    expect(codeOf(await call(START, { input: { serialHex: cert.serialHex } }))).toBe('CERTIFICATE_NOT_USABLE');

    // Past notAfter counts as expired even before the expiry sweep has marked it.
    const lapsed = await issue(wang, keys, { sequence: '09' });
    await f.t.dataSource
      .getRepository(Certificate)
      .update({ id: lapsed.id }, { notAfter: new Date(Date.now() - 60_000) });
    const expired = await call(START, { input: { serialHex: lapsed.serialHex } });
    expect(codeOf(expired)).toBe('CERTIFICATE_NOT_USABLE');
    expect(expired.errors![0].extensions.params.status).toBe('EXPIRED');
  });

  it('lets a returning customer prove the key of an issued, not yet installed certificate by ID number', async () => {
    const keys = await keyPair();
    const pending = await issue(lin, keys, { status: CertificateStatus.PENDING, sequence: '03' });
    const publicKey = b64(new Uint8Array(pending.publicKey!));
    expect(codeOf(await call(START, { input: { idNumber: lin.idNumber, publicKey } }))).toBe('CA_ISSUING');
    await f.t.app.get(IssuanceService).signPending();

    const byKey = await challenge({ idNumber: lin.idNumber.toLowerCase(), publicKey });
    expect(byKey.serialHex).toBe(pending.serialHex);
    const proven = await call(PROVE, { input: await answer(byKey, keys) });
    expect(proven.errors).toBeUndefined();
    const downloaded = await call(DOWNLOAD, {}, proven.data!.proveCertificate.session);
    expect(downloaded.errors).toBeUndefined();
    expect(downloaded.data!.downloadCertificates.certificates).toEqual([
      { id: pending.id, serialHex: pending.serialHex },
    ]);
    // Someone else's ID with this key finds nothing, and says so the same way as an unknown serial.
    expect(codeOf(await call(START, { input: { idNumber: wang.idNumber, publicKey } }))).toBe(
      'CERTIFICATE_PROOF_FAILED',
    );
  });

  it('holds the customer’s own certificate (CRL: Certificate Hold), never another’s, and cannot release it', async () => {
    const keys = await keyPair();
    const cert = await issue(wang, keys, { sequence: '04' });
    const linsCert = await issue(lin, await keyPair(), { sequence: '05' });
    const session = await signIn(cert, keys);

    expect(codeOf(await call(SUSPEND, { input: { certificateId: cert.id, confirm: false } }, session))).toBe(
      'CONFIRM_REQUIRED',
    );
    const foreign = await call(SUSPEND, { input: { certificateId: linsCert.id, confirm: true } }, session);
    expect(codeOf(foreign)).toBe('ACCESS_DENIED');
    expect(foreign.errors![0].extensions.manualCode).toBe('80070005');
    expect((await f.t.dataSource.getRepository(Certificate).findOneByOrFail({ id: linsCert.id })).status).toBe(
      'ACTIVE',
    );
    expect(await f.crlEntry(linsCert.serialHex)).toBeNull();

    const held = await call(SUSPEND, { input: { certificateId: cert.id, confirm: true } }, session);
    expect(held.errors).toBeUndefined();
    expect(held.data!.suspendMyCertificate).toEqual({
      releaseAtCounterOnly: true,
      certificate: { id: cert.id, status: 'SUSPENDED' },
    });
    expect(await f.crlEntry(cert.serialHex)).toContain('Certificate Hold');
    f.ssl.file('issuing.der', Buffer.from(await (await fetch(`${f.t.url}/pki/ca.crt`)).arrayBuffer()));
    f.ssl.run('x509', '-inform', 'DER', '-in', 'issuing.der', '-out', 'issuing.pem');
    f.ssl.file('held.der', cert.der!);
    f.ssl.run('x509', '-inform', 'DER', '-in', 'held.der', '-out', 'held.pem');
    const ocsp = await f.ssl.runAsync(
      'ocsp',
      '-issuer',
      'issuing.pem',
      '-cert',
      'held.pem',
      '-url',
      `${f.t.url}/pki/ocsp`,
      '-CAfile',
      'chain.pem',
    );
    expect(ocsp).toMatch(/held\.pem: revoked[\s\S]*Reason: certificateHold/);
    const [event] = await f.t.dataSource.query(
      "SELECT after, actor_type, actor_id FROM audit_events WHERE action = 'CERTIFICATE_SUSPENDED' AND target_id = ?",
      [cert.id],
    );
    expect(JSON.parse(event.after)).toMatchObject({ status: 'SUSPENDED', channel: 'KIOSK' });
    expect(event).toMatchObject({ actor_type: 'CUSTOMER', actor_id: cert.customerId });

    // No customer path releases it: the staff mutation refuses the customer session.
    const release = await fetch(`${f.t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${session}`,
        'x-customer-session': session,
      },
      body: JSON.stringify({
        query: UNSUSPEND,
        variables: { input: { certificateId: cert.id, documentType: 'NATIONAL_ID_CARD', seenInPerson: true } },
      }),
    });
    expect(
      ((await release.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ).toBe('UNAUTHENTICATED');
    expect((await f.t.dataSource.getRepository(Certificate).findOneByOrFail({ id: cert.id })).status).toBe('SUSPENDED');
    // And a held certificate no longer signs its holder in.
    expect(codeOf(await call(START, { input: { serialHex: cert.serialHex } }))).toBe('CERTIFICATE_NOT_USABLE');
  });

  it('prints the proof sheet of the customer’s own certificate only', async () => {
    const keys = await keyPair();
    const cert = await issue(wang, keys, { sequence: '06' });
    const linsCert = await issue(lin, await keyPair(), { sequence: '07' });
    const session = await signIn(cert, keys);
    const sheet = (id: string, s?: string) =>
      fetch(`${f.t.url}/kiosk/certificates/${id}/proof-sheet`, {
        method: 'POST',
        headers: { 'accept-language': 'zh-TW', ...(s ? { 'x-customer-session': s } : {}) },
      });

    const res = await sheet(cert.id, session);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, '');
    expect(text.replace(/:/g, '').toUpperCase()).toContain(cert.serialHex.toUpperCase());
    expect(text).toContain(cert.commonName);

    const foreign = await sheet(linsCert.id, session);
    expect(((await foreign.json()) as { code: string }).code).toBe('ACCESS_DENIED');
    const anonymous = await sheet(cert.id);
    expect(((await anonymous.json()) as { code: string }).code).toBe('CUSTOMER_SESSION_INVALID');
  });

  it('renews only in the month before expiry, proven by the old signing key, chaining the new pair', async () => {
    const token = await f.t.gql(
      REGISTER_TOKEN,
      { input: { customerId: lin.id, type: 'IKEY', serial: 'IK20261124R' } },
      { token: teller },
    );
    expect(token.body.errors).toBeUndefined();
    const tokenId = token.body.data!.registerToken.id as string;
    const [oldSigningKeys, oldEncryptionKeys] = [await keyPair(), await keyPair()];
    const oldSigning = await issue(lin, oldSigningKeys, { sequence: '08', tokenId });
    const oldEncryption = await issue(lin, oldEncryptionKeys, { sequence: '08', tokenId, usage: 'ENCRYPTION' });
    const session = await signIn(oldSigning, oldSigningKeys);
    const [newSigning, newEncryption] = [await keyPair(), await keyPair()];
    const input = async (proof: { challengeId: string; toBeSigned: string; signature: string }) => ({
      certificateId: oldSigning.id,
      signingCsr: await csrPem(oldSigning.commonName, newSigning),
      encryptionCsr: await csrPem(oldSigning.commonName, newEncryption),
      renewalProof: proof,
      requestId: randomUUID(),
    });
    const renewProof = async () =>
      answer(await challenge({ serialHex: oldSigning.serialHex, purpose: 'RENEW' }), oldSigningKeys);

    const early = await call(RENEW, { input: await input(await renewProof()) }, session);
    expect(codeOf(early)).toBe('CERT_NOT_RENEWABLE_YET');
    const opensOn = new Date(oldSigning.notAfter!.getTime() - 30 * 86_400_000 + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    expect(early.errors![0].extensions.params.opensOn).toBe(opensOn);
    expect(early.errors![0].message).toContain(opensOn);

    const soon = new Date(Date.now() + 10 * 86_400_000);
    await f.t.dataSource.getRepository(Certificate).update({ id: oldSigning.id }, { notAfter: soon });

    const certificatesBefore = await f.count('SELECT COUNT(*) AS n FROM certificates');
    const signInProof = await answer(await challenge({ serialHex: oldSigning.serialHex }), oldSigningKeys);
    expect(codeOf(await call(RENEW, { input: await input(signInProof) }, session))).toBe('CERTIFICATE_PROOF_FAILED');
    const otherKeyProof = await answer(
      await challenge({ serialHex: oldSigning.serialHex, purpose: 'RENEW' }),
      newSigning,
    );
    expect(codeOf(await call(RENEW, { input: await input(otherKeyProof) }, session))).toBe('CERTIFICATE_PROOF_FAILED');
    expect(await f.count('SELECT COUNT(*) AS n FROM certificates')).toBe(certificatesBefore);

    const request = await input(await renewProof());
    const renewed = await call(RENEW, { input: request }, session);
    expect(renewed.errors).toBeUndefined();
    const { certificates, tokenRoom } = renewed.data!.renewCertificates;
    expect(certificates).toEqual([
      expect.objectContaining({ usage: 'SIGNING', status: 'PENDING', predecessorId: oldSigning.id }),
      expect.objectContaining({ usage: 'ENCRYPTION', status: 'PENDING', predecessorId: oldEncryption.id }),
    ]);
    expect(certificates[0].subjectDn).toBe(oldSigning.subjectDn);
    expect(tokenRoom).toEqual({ tokenSerial: 'IK20261124R', capacity: 6, live: 4, ended: 0 });
    const rows = await f.t.dataSource.query('SELECT token_id FROM certificates WHERE id IN (?, ?)', [
      certificates[0].id,
      certificates[1].id,
    ]);
    expect(rows).toEqual([{ token_id: tokenId }, { token_id: tokenId }]);
    // The old pair stays valid until it expires.
    const olds = await f.t.dataSource.query('SELECT status FROM certificates WHERE id IN (?, ?)', [
      oldSigning.id,
      oldEncryption.id,
    ]);
    expect(olds).toEqual([{ status: 'ACTIVE' }, { status: 'ACTIVE' }]);

    // A retry after a lost answer returns the same pair without a new proof; a second renewal is refused.
    const retry = await call(RENEW, { input: request }, session);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.renewCertificates.certificates.map((c: { id: string }) => c.id)).toEqual(
      certificates.map((c: { id: string }) => c.id),
    );
    const again = await call(RENEW, { input: await input(await renewProof()) }, session);
    expect(codeOf(again)).toBe('CERTIFICATE_ALREADY_RENEWED');

    await f.t.app.get(IssuanceService).signPending();
    const issued = await f.t.dataSource.getRepository(Certificate).findOneByOrFail({ id: certificates[0].id });
    f.ssl.file('renewed.der', issued.der!);
    const text = f.ssl.run('x509', '-inform', 'DER', '-in', 'renewed.der', '-noout', '-subject', '-nameopt', 'utf8');
    expect(text).toContain(`CN=${oldSigning.commonName}`);
  });
});
