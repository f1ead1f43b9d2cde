import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rsaKeyPair } from '@app/pki/testing/keys';
import { createCsr, parseCsr, signChallenge, toPem } from '@app/pki';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { CounterFixture } from '../support/counter-fixture';
import { fxmlSubject, issuanceRequest } from '../support/issuance-factory';

const START = `mutation($input: StartCertificateChallengeInput!) {
  startCertificateChallenge(input: $input) { challengeId toBeSigned }
}`;
const PROVE = `mutation($input: ChallengeAnswerInput!) { proveCertificate(input: $input) { session } }`;
const MY_TOKEN = `query($serial: String!) { myToken(serial: $serial) { type serial status } }`;
const REGISTER_TOKEN = `mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id version } }`;
const LOST = `mutation($id: ID!, $version: Int!) { reportTokenLost(id: $id, version: $version) { status } }`;
const RETIRE = `mutation($id: ID!, $version: Int!) { retireToken(id: $id, version: $version) { status } }`;

/**
 * 載具密碼變更 and 載具憑證刪除 ask the API first whether the token in the reader is the customer's
 * own: only an ACTIVE token registered to the proven customer is answered.
 */
describe('kiosk: is this token the customer’s own (MariaDB, real CA, real proof)', () => {
  let f: CounterFixture;
  let teller: string;
  let session: string;
  const wang = SEED_CUSTOMERS[4];
  const lin = SEED_CUSTOMERS[5];

  beforeAll(async () => {
    f = await CounterFixture.start('kiosk_token_owner');
    teller = await f.t.signIn('teller01');
    session = await proveAs(wang);
  });
  afterAll(() => f?.close());

  const call = (...args: Parameters<CounterFixture['kiosk']>) => f.kiosk(...args);

  /** A customer session the way the kiosk gets one: a certificate of the customer, its key signs the challenge. */
  async function proveAs(customer: (typeof SEED_CUSTOMERS)[number]): Promise<string> {
    const keys = await rsaKeyPair();
    const cn = `${customer.idNumber}-01-261124`;
    const csr = await parseCsr(
      toPem(await createCsr({ subject: [{ type: 'CN', value: cn }], keyPair: keys }), 'CERTIFICATE REQUEST'),
    );
    const issuance = f.t.app.get(IssuanceService);
    const pending = await f.t.dataSource.transaction((m) =>
      issuance.request(
        m,
        systemContext(),
        issuanceRequest(csr, {
          customerId: customer.id,
          usage: 'SIGNING',
          tokenId: null,
          medium: 'PC',
          subject: fxmlSubject(customer.idNumber).map((a) => (a.type === 'CN' ? { ...a, value: cn } : a)),
        }),
      ),
    );
    await issuance.signPending();
    const repo = f.t.dataSource.getRepository(Certificate);
    await repo.update({ id: pending.id }, { status: 'ACTIVE' });
    const { serialHex } = await repo.findOneByOrFail({ id: pending.id });
    const started = await call(START, { input: { serialHex } });
    const { challengeId, toBeSigned } = started.data!.startCertificateChallenge as Record<string, string>;
    const signature = await signChallenge(new Uint8Array(Buffer.from(toBeSigned, 'base64')), {
      privateKey: keys.privateKey,
    });
    const proven = await call(PROVE, {
      input: { challengeId, toBeSigned, signature: Buffer.from(signature).toString('base64') },
    });
    expect(proven.errors).toBeUndefined();
    return proven.data!.proveCertificate.session as string;
  }

  async function register(customerId: string, serial: string): Promise<{ id: string; version: number }> {
    const { body } = await f.t.gql(REGISTER_TOKEN, { input: { customerId, type: 'IKEY', serial } }, { token: teller });
    expect(body.errors).toBeUndefined();
    return body.data!.registerToken as { id: string; version: number };
  }

  const refusals = () => f.count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'KIOSK_TOKEN_REFUSED'");

  it("answers the customer's own ACTIVE token with its type, serial and status", async () => {
    await register(wang.id, 'IKOWN0001');
    const mine = await call(MY_TOKEN, { serial: 'IKOWN0001' }, session);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myToken).toEqual({ type: 'IKEY', serial: 'IKOWN0001', status: 'ACTIVE' });
    expect(await refusals()).toBe(0);
  });

  it("refuses another customer's token and an unknown serial alike, telling nobody whose it is", async () => {
    await register(lin.id, 'IKLIN0001');
    const others = await call(MY_TOKEN, { serial: 'IKLIN0001' }, session);
    const unknown = await call(MY_TOKEN, { serial: 'IKNOBODY01' }, session);
    expect(others.errors![0].extensions.code).toBe('TOKEN_NOT_YOURS');
    expect(others.errors![0].extensions.manualCode).toBe('80070005');
    expect(unknown.errors![0].extensions.code).toBe('TOKEN_NOT_YOURS');
    expect(others.errors![0].message).toBe(unknown.errors![0].message);
    expect(JSON.stringify(others)).not.toContain(lin.idNumber);
    expect(JSON.stringify(others)).not.toContain(lin.id);
    expect(others.data ?? null).toBeNull();
    // Lin herself gets her token.
    const linSession = await proveAs(lin);
    expect((await call(MY_TOKEN, { serial: 'IKLIN0001' }, linSession)).data!.myToken.status).toBe('ACTIVE');
    const [event] = await f.t.dataSource.query(
      "SELECT actor_type AS actorType, actor_id AS actorId, after FROM audit_events WHERE action = 'KIOSK_TOKEN_REFUSED' ORDER BY id LIMIT 1",
    );
    expect([event.actorType, event.actorId]).toEqual(['CUSTOMER', wang.id]);
    expect(JSON.parse(String(event.after))).toEqual({ serial: 'IKLIN0001', code: 'TOKEN_NOT_YOURS' });
    expect(await refusals()).toBe(2);
  });

  it('refuses the own token once the counter reported it LOST or retired it, each with its own code', async () => {
    const lost = await register(wang.id, 'IKLOST001');
    const { body } = await f.t.gql(LOST, lost, { token: teller });
    expect(body.data!.reportTokenLost.status).toBe('LOST');
    const refused = await call(MY_TOKEN, { serial: 'IKLOST001' }, session);
    expect(refused.errors![0].extensions.code).toBe('TOKEN_REPORTED_LOST');
    expect(refused.errors![0].message).toContain('掛失');

    const retired = await register(wang.id, 'IKOLD0001');
    expect((await f.t.gql(RETIRE, retired, { token: teller })).body.data!.retireToken.status).toBe('RETIRED');
    expect((await call(MY_TOKEN, { serial: 'IKOLD0001' }, session)).errors![0].extensions.code).toBe('TOKEN_RETIRED');
  });

  it('answers nothing without a valid customer session', async () => {
    const none = await call(MY_TOKEN, { serial: 'IKOWN0001' });
    expect(none.errors![0].extensions.code).toBe('CUSTOMER_SESSION_INVALID');
    expect(none.data ?? null).toBeNull();
    const forged = await call(MY_TOKEN, { serial: 'IKOWN0001' }, `${session.slice(0, -4)}AAAA`);
    expect(forged.errors![0].extensions.code).toBe('CUSTOMER_SESSION_INVALID');
    // A staff session is not a customer's.
    const staff = await fetch(`${f.t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${teller}` },
      body: JSON.stringify({ query: MY_TOKEN, variables: { serial: 'IKOWN0001' } }),
    });
    const staffBody = (await staff.json()) as { errors?: Array<{ extensions: { code: string } }> };
    expect(staffBody.errors![0].extensions.code).toBe('CUSTOMER_SESSION_INVALID');
  });
});
