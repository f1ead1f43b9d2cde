import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { CounterFixture } from '../support/counter-fixture';

const REGISTER = `mutation($input: RegisterTokenInput!) {
  registerToken(input: $input) { id type serial status version owner { idNumber } branch { code } }
}`;
const TOKENS = `query($filter: TokenFilter) { tokens(filter: $filter) { total items { id serial status } } }`;
const LOST = `mutation($id: ID!, $version: Int!) { reportTokenLost(id: $id, version: $version) { status version } }`;
const RETIRE = `mutation($id: ID!, $version: Int!) { retireToken(id: $id, version: $version) { status version } }`;

const customer = SEED_CUSTOMERS[1];

describe('tokens at the counter (MariaDB, CRL judged by OpenSSL)', () => {
  let f: CounterFixture;
  let teller: string;
  let tellerTaichung: string;
  let supervisor: string;
  let admin: string;
  beforeAll(async () => {
    f = await CounterFixture.start('tokens');
    [teller, tellerTaichung, supervisor, admin] = await Promise.all(
      ['teller01', 'teller02', 'supervisor01', 'admin01'].map((u) => f.t.signIn(u)),
    );
  });
  afterAll(() => f?.close());

  const tokenCount = () => f.count('SELECT COUNT(*) AS n FROM tokens');
  const register = (serial: string, token = teller, extra: Record<string, unknown> = {}) =>
    f.t.gql(
      REGISTER,
      { input: { customerId: customer.id, type: 'IKEY', serial, serialSource: 'SCANNED', ...extra } },
      { token },
    );

  it('registers a scanned token for the customer in the teller’s branch, audited, and lists it', async () => {
    const { body } = await register('  IK2026000101 ');
    expect(body.errors).toBeUndefined();
    const token = body.data!.registerToken;
    expect(token).toMatchObject({
      type: 'IKEY',
      serial: 'IK2026000101',
      status: 'ACTIVE',
      version: 1,
      owner: { idNumber: customer.idNumber },
      branch: { code: '0060000' },
    });
    const [event] = await f.t.dataSource.query(
      "SELECT actor_role, branch_code, `after` FROM audit_events WHERE action = 'TOKEN_REGISTERED' AND target_id = ?",
      [token.id],
    );
    expect(event.actor_role).toBe('TELLER');
    expect(JSON.parse(event.after)).toEqual({
      type: 'IKEY',
      serial: 'IK2026000101',
      customerId: customer.id,
      serialSource: 'SCANNED',
    });

    const list = await f.t.gql(TOKENS, { filter: { customerId: customer.id } }, { token: supervisor });
    expect(list.body.data!.tokens.items.map((t: { serial: string }) => t.serial)).toContain('IK2026000101');
    const elsewhere = await f.t.gql(TOKENS, { filter: { customerId: customer.id } }, { token: tellerTaichung });
    expect(elsewhere.body.data!.tokens.total).toBe(0);
  });

  it('refuses bad registrations with their codes and stores nothing', async () => {
    await register('EZ-DUP-0001', teller, { type: 'EZSIGN' });
    const before = await tokenCount();
    const cases: Array<[string, Promise<{ body: { errors?: Array<{ extensions: Record<string, any> }> } }>, string]> = [
      ['blank inside the serial', register('IK 2026'), 'BAD_USER_INPUT'],
      ['empty serial', register('   '), 'BAD_USER_INPUT'],
      ['same type and serial', register('EZ-DUP-0001', teller, { type: 'EZSIGN' }), 'TOKEN_DUPLICATE'],
      ['supervisor', register('IK2026000199', supervisor), 'FORBIDDEN'],
      ['admin', register('IK2026000199', admin), 'FORBIDDEN'],
      ['teller of another branch', register('IK2026000199', tellerTaichung), 'OUT_OF_BRANCH'],
      [
        'unknown customer',
        register('IK2026000199', teller, { customerId: '00000000-0000-4000-8000-0000000000ff' }),
        'CUSTOMER_NOT_FOUND',
      ],
    ];
    for (const [what, call, code] of cases) {
      const { body } = await call;
      expect({ what, code: body.errors?.[0].extensions.code }).toEqual({ what, code });
    }
    const { body } = await register('IK 2026');
    expect(body.errors![0].extensions.fields).toMatchObject([{ field: 'serial', code: 'TOKEN_SERIAL_INVALID' }]);
    expect(await tokenCount()).toBe(before);
    // The same serial on the other type is a different token.
    expect((await register('EZ-DUP-0001')).body.errors).toBeUndefined();
  });

  it('puts every live certificate of a lost token on hold in one new CRL, and leaves the others alone', async () => {
    const token = (await register('IK2026000202')).body.data!.registerToken;
    const other = (await register('IK2026000203')).body.data!.registerToken;
    const owner = { customerId: customer.id, idNumber: customer.idNumber };
    const signing = await f.issue({ ...owner, tokenId: token.id });
    const awaitingDownload = await f.issue({ ...owner, tokenId: token.id, usage: 'ENCRYPTION', status: 'ISSUED' });
    const revoked = await f.issue({ ...owner, tokenId: token.id, sequence: '01', status: 'REVOKED' });
    const elsewhere = await f.issue({ ...owner, tokenId: other.id, sequence: '02' });
    const crls = () => f.count('SELECT COUNT(*) AS n FROM crls');

    const refused: Array<[string, Record<string, unknown>, string]> = [
      [tellerTaichung, { id: token.id, version: token.version }, 'OUT_OF_BRANCH'],
      [supervisor, { id: token.id, version: token.version }, 'FORBIDDEN'],
      [teller, { id: token.id, version: token.version + 1 }, 'STALE_UPDATE'],
      [teller, { id: '00000000-0000-4000-8000-0000000000ff', version: 1 }, 'TOKEN_NOT_FOUND'],
    ];
    const crlsBefore = await crls();
    for (const [who, variables, code] of refused) {
      expect((await f.t.gql(LOST, variables, { token: who })).body.errors?.[0].extensions.code).toBe(code);
    }
    expect(
      await f.count("SELECT COUNT(*) AS n FROM certificates WHERE token_id = ? AND status = 'SUSPENDED'", [token.id]),
    ).toBe(0);
    expect(await crls()).toBe(crlsBefore);

    const { body } = await f.t.gql(LOST, { id: token.id, version: token.version }, { token: teller });
    expect(body.errors).toBeUndefined();
    expect(body.data!.reportTokenLost.status).toBe('LOST');
    expect(await crls()).toBe(crlsBefore + 1);

    const statuses = await f.t.dataSource.query('SELECT id, status FROM certificates WHERE id IN (?, ?, ?, ?)', [
      signing.id,
      awaitingDownload.id,
      revoked.id,
      elsewhere.id,
    ]);
    expect(Object.fromEntries(statuses.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
      [signing.id]: 'SUSPENDED',
      [awaitingDownload.id]: 'SUSPENDED',
      [revoked.id]: 'REVOKED',
      [elsewhere.id]: 'ACTIVE',
    });
    expect(await f.crlEntry(signing.serialHex)).toContain('Certificate Hold');
    expect(await f.crlEntry(awaitingDownload.serialHex)).toContain('Certificate Hold');
    expect(await f.crlEntry(elsewhere.serialHex)).toBeNull();
    const held = await f.count(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CERTIFICATE_SUSPENDED' AND target_id IN (?, ?) AND actor_role = 'TELLER'",
      [signing.id, awaitingDownload.id],
    );
    expect(held).toBe(2);
    const [lost] = await f.t.dataSource.query(
      "SELECT `after` FROM audit_events WHERE action = 'TOKEN_LOST' AND target_id = ?",
      [token.id],
    );
    expect(JSON.parse(lost.after).heldCertificateIds.sort()).toEqual([signing.id, awaitingDownload.id].sort());
  });

  it('retires a lost token once; a retired token cannot be lost or retired again', async () => {
    const token = (await register('IK2026000304')).body.data!.registerToken;
    const lost = (await f.t.gql(LOST, { id: token.id, version: token.version }, { token: teller })).body.data!
      .reportTokenLost;
    const retired = await f.t.gql(RETIRE, { id: token.id, version: lost.version }, { token: teller });
    expect(retired.body.data!.retireToken.status).toBe('RETIRED');
    const version = retired.body.data!.retireToken.version;
    const again = await f.t.gql(RETIRE, { id: token.id, version }, { token: teller });
    expect(again.body.errors![0]).toMatchObject({ extensions: { code: 'INVALID_STATE_TRANSITION' } });
    const lostAgain = await f.t.gql(LOST, { id: token.id, version }, { token: teller });
    expect(lostAgain.body.errors![0].extensions.code).toBe('INVALID_STATE_TRANSITION');
    expect(
      await f.count("SELECT COUNT(*) AS n FROM audit_events WHERE target_id = ? AND action LIKE 'TOKEN_%'", [token.id]),
    ).toBe(3);
  });

  it('lets only a teller of the token’s branch retire it', async () => {
    const token = (await register('IK2026000405')).body.data!.registerToken;
    expect(
      (await f.t.gql(RETIRE, { id: token.id, version: 1 }, { token: tellerTaichung })).body.errors![0].extensions.code,
    ).toBe('OUT_OF_BRANCH');
    expect(
      (await f.t.gql(RETIRE, { id: token.id, version: 1 }, { token: supervisor })).body.errors![0].extensions.code,
    ).toBe('FORBIDDEN');
    expect(await f.count('SELECT COUNT(*) AS n FROM tokens WHERE id = ? AND status = ?', [token.id, 'ACTIVE'])).toBe(1);
  });
});
