import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createTokenCsr,
  generateKeyPair,
  listCertificates,
  signWithKey,
  writeCaCertificate,
  writeCertificate,
  type TokenKeyPair,
} from '@app/pkcs11';
import { openTestToken, type TestToken } from '@app/pkcs11/testing/softhsm';
import { readCertificate, toPem } from '@app/pki';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CounterFixture } from '../support/counter-fixture';
import { passwordOnNotice, printNotice } from '../support/notice-pdf';

const SUBMIT = `mutation($input: SubmitApplicationRequestsInput!) {
  submitApplicationRequests(input: $input) { certificates { id usage status } enrolment { session } }
}`;
const DOWNLOAD = `mutation($input: DownloadCertificatesInput) {
  downloadCertificates(input: $input) { certificates { id serialHex usage der } chain }
}`;
const INSTALLED = `mutation($input: ConfirmInstalledInput!) { confirmInstalled(input: $input) { id status } }`;
const START = `mutation($input: StartCertificateChallengeInput!) {
  startCertificateChallenge(input: $input) { challengeId toBeSigned }
}`;
const PROVE = `mutation($input: ChallengeAnswerInput!) { proveCertificate(input: $input) { session } }`;
const MINE = `query { myCertificates { id serialHex status medium usage } }`;

/**
 * The iKey path on a SoftHSM token, with the issuance worker running and CA_ISSUE_DELAY_MS holding
 * requests back: keys made on the token, CSRs signed there, 6025 while the CA waits, the pair
 * written next to its keys, and the token's key signing the customer in.
 */
describe('kiosk enrolment on a PKCS#11 token (SoftHSM, worker with CA_ISSUE_DELAY_MS)', () => {
  let f: CounterFixture;
  let token: TestToken;
  let teller: string;
  const customer = SEED_CUSTOMERS[6];

  beforeAll(async () => {
    f = await CounterFixture.start('kiosk_token', { ISSUANCE_POLL_MS: '200', CA_ISSUE_DELAY_MS: '4000' });
    teller = await f.t.signIn('teller01');
    token = await openTestToken({ label: 'kiosk-ikey' });
  });
  afterAll(async () => {
    await token?.dispose();
    await f?.close();
  });

  async function call(query: string, variables: Record<string, unknown> = {}, session?: string) {
    const res = await fetch(`${f.t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { 'x-customer-session': session } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      data?: Record<string, any> | null;
      errors?: Array<{ message: string; extensions: Record<string, any> }>;
    };
  }

  it('applies with token keys, waits out 6025, installs on the token and signs in with the token key', async () => {
    const registered = await f.t.gql(
      `mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id } }`,
      { input: { customerId: customer.id, type: 'IKEY', serial: token.serial } },
      { token: teller },
    );
    expect(registered.body.errors).toBeUndefined();
    const app = await f.t.gql(
      `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id commonName } }`,
      { input: { customerId: customer.id, medium: 'IKEY', email: customer.email } },
      { token: teller },
    );
    const { id, commonName } = app.body.data!.registerApplication as { id: string; commonName: string };
    const password = passwordOnNotice((await printNotice(f.t.url, teller, id)).pdf);
    const opened = await call(`mutation($input: OpenApplicationInput!) { openApplication(input: $input) { ticket } }`, {
      input: { idNumber: customer.idNumber, password },
    });
    const terms = await call('query { termsOfUse { version } }');

    const keys: TokenKeyPair[] = [
      await generateKeyPair(token.session, { label: 'FXML signing', usage: 'SIGNING' }),
      await generateKeyPair(token.session, { label: 'FXML encryption', usage: 'ENCRYPTION' }),
    ];
    const [signingCsr, encryptionCsr] = await Promise.all(
      keys.map(async (k) =>
        toPem(
          await createTokenCsr(token.session, { keyId: k.id, subject: [{ type: 'CN', value: commonName }] }),
          'CERTIFICATE REQUEST',
        ),
      ),
    );
    const submitted = await call(SUBMIT, {
      input: {
        ticket: opened.data!.openApplication.ticket,
        tokenSerial: token.serial,
        signingCsr,
        encryptionCsr,
        requestId: randomUUID(),
        acceptedTermsVersion: terms.data!.termsOfUse.version,
      },
    });
    expect(submitted.errors).toBeUndefined();
    const session = submitted.data!.submitApplicationRequests.enrolment.session as string;
    const publicKeys = keys.map((k) => Buffer.from(k.spki).toString('base64'));

    const first = await call(DOWNLOAD, { input: { publicKeys } }, session);
    expect(first.errors?.[0].extensions).toMatchObject({ code: 'CA_ISSUING', manualCode: '6025' });

    // The worker signs once the delay has passed; the kiosk simply tries again, as the message says.
    let downloaded = first;
    for (let i = 0; i < 120 && downloaded.errors?.[0].extensions.code === 'CA_ISSUING'; i++) {
      await sleep(250);
      downloaded = await call(DOWNLOAD, { input: { publicKeys } }, session);
    }
    expect(downloaded.errors).toBeUndefined();
    const { certificates, chain } = downloaded.data!.downloadCertificates;
    for (const c of certificates) await writeCertificate(token.session, new Uint8Array(Buffer.from(c.der, 'base64')));
    for (const [i, der] of (chain as string[]).entries()) {
      await writeCaCertificate(token.session, new Uint8Array(Buffer.from(der, 'base64')), `CA ${i}`);
    }
    const onToken = await listCertificates(token.session);
    const serials = certificates.map((c: { serialHex: string }) => c.serialHex.toLowerCase());
    // Each certificate sits next to its private key on the token, the chain as authority objects.
    const own = onToken.filter((c) => !c.authority);
    expect(own.map((c) => readCertificate(c.der).serial.toLowerCase()).sort()).toEqual([...serials].sort());
    expect(own.map((c) => c.hasPrivateKey)).toEqual([true, true]);
    expect(onToken.filter((c) => c.authority)).toHaveLength(2);
    const listed = token.hsm.pkcs11Tool([
      '--token-label',
      token.label,
      '--login',
      '--pin',
      token.pin,
      '-O',
      '--type',
      'cert',
    ]);
    expect(listed).toContain(commonName);

    const installed = await call(
      INSTALLED,
      { input: { certificateIds: certificates.map((c: { id: string }) => c.id) } },
      session,
    );
    expect(installed.errors).toBeUndefined();

    const signing = certificates.find((c: { usage: string }) => c.usage === 'SIGNING');
    const challenge = (await call(START, { input: { serialHex: signing.serialHex } })).data!.startCertificateChallenge;
    const signature = await signWithKey(
      token.session,
      keys[0].id,
      new Uint8Array(Buffer.from(challenge.toBeSigned, 'base64')),
    );
    const proven = await call(PROVE, {
      input: { ...challenge, signature: Buffer.from(signature).toString('base64') },
    });
    expect(proven.errors).toBeUndefined();
    const mine = await call(MINE, {}, proven.data!.proveCertificate.session);
    expect(
      mine
        .data!.myCertificates.filter((c: { serialHex: string }) => serials.includes(c.serialHex))
        .map((c: { status: string; medium: string }) => [c.status, c.medium]),
    ).toEqual([
      ['ACTIVE', 'IKEY'],
      ['ACTIVE', 'IKEY'],
    ]);

    // The encryption key cannot stand in for the signing certificate.
    const again = (await call(START, { input: { serialHex: signing.serialHex } })).data!.startCertificateChallenge;
    const wrong = await signWithKey(token.session, keys[1].id, new Uint8Array(Buffer.from(again.toBeSigned, 'base64')));
    const refused = await call(PROVE, { input: { ...again, signature: Buffer.from(wrong).toString('base64') } });
    expect(refused.errors?.[0].extensions.code).toBe('CERTIFICATE_PROOF_FAILED');
  });
});
