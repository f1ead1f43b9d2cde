import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { Certificate } from '@app/api/certificate/certificate.entity';
import { CounterFixture } from '../support/counter-fixture';
import { countSelects } from '../support/query-count';
import type { GqlResult } from '../support/test-app';

const SEARCH = `query($filter: CertificateFilter, $sortField: String, $sortOrder: SortOrder, $take: Int) {
  certificates(filter: $filter, sortField: $sortField, sortOrder: $sortOrder, take: $take) {
    total items { id serialHex commonName status notAfter customer { idNumber } }
  }
}`;
const DETAILS = `query($id: ID!) {
  certificate(id: $id) {
    serialHex subjectDn issuerDn fingerprintSha256 status medium usage notBefore notAfter version
    customer { name } branch { code } token { serial }
  }
}`;
const SUSPEND = `mutation($id: ID!, $version: Int!) { suspendCertificate(id: $id, version: $version) { status version } }`;
const REVOKE = `mutation($id: ID!, $reason: RevocationReason!, $version: Int!) {
  revokeCertificate(id: $id, reason: $reason, version: $version) { status revocationReason version }
}`;

const [wang, lin] = SEED_CUSTOMERS;
const taichung = SEED_CUSTOMERS.find((c) => c.homeBranchId === SEED_BRANCH_IDS.TAICHUNG)!;

describe('certificates at the counter (MariaDB, judged by OpenSSL)', () => {
  let f: CounterFixture;
  let teller: string;
  let tellerTaichung: string;
  let supervisor: string;
  let admin: string;
  let wangActive: Certificate;
  let wangHeld: Certificate;
  let linActive: Certificate;
  let taichungActive: Certificate;
  beforeAll(async () => {
    f = await CounterFixture.start('certificates');
    [teller, tellerTaichung, supervisor, admin] = await Promise.all(
      ['teller01', 'teller02', 'supervisor01', 'admin01'].map((u) => f.t.signIn(u)),
    );
    wangActive = await f.issue({ customerId: wang.id, idNumber: wang.idNumber });
    wangHeld = await f.issue({ customerId: wang.id, idNumber: wang.idNumber, sequence: '01', status: 'SUSPENDED' });
    linActive = await f.issue({ customerId: lin.id, idNumber: lin.idNumber });
    taichungActive = await f.issue({
      customerId: taichung.id,
      idNumber: taichung.idNumber,
      branchId: SEED_BRANCH_IDS.TAICHUNG,
    });
    // An old one, expiring soon, to search by expiry window.
    await f.t.dataSource.query('UPDATE certificates SET not_after = ? WHERE id = ?', [
      '2026-12-05 00:00:00.000',
      linActive.id,
    ]);
  });
  afterAll(() => f?.close());

  const ids = (body: GqlResult) => body.data!.certificates.items.map((c: { id: string }) => c.id).sort();

  it('finds certificates by customer ID, CN prefix, serial as OpenSSL prints it, status and expiry window', async () => {
    const search = async (filter: Record<string, unknown>) =>
      ids((await f.t.gql(SEARCH, { filter }, { token: teller })).body);
    expect(await search({ idNumber: wang.idNumber.toLowerCase() })).toEqual([wangActive.id, wangHeld.id].sort());
    expect(await search({ commonName: `${wang.idNumber.toLowerCase()}-01` })).toEqual([wangHeld.id]);
    const colons = wangActive.serialHex.toUpperCase().match(/../g)!.join(':');
    expect(await search({ serialHex: colons })).toEqual([wangActive.id]);
    // A serial whose first byte is below 0x10, typed as an integer (no leading zero), as viewers print it.
    await f.t.dataSource.query('UPDATE certificates SET serial_hex = ? WHERE id = ?', [
      '0a' + linActive.serialHex.slice(2),
      linActive.id,
    ]);
    expect(await search({ serialHex: `A${linActive.serialHex.slice(2).toUpperCase()}` })).toEqual([linActive.id]);
    expect(await search({ status: 'SUSPENDED' })).toEqual([wangHeld.id]);
    expect(await search({ notAfterFrom: '2026-12-01T00:00:00Z', notAfterTo: '2027-01-01T00:00:00Z' })).toEqual([
      linActive.id,
    ]);
    expect(await search({ idNumber: wang.idNumber, status: 'REVOKED' })).toEqual([]);
  });

  it('keeps tellers and supervisors to their branch; an admin sees all', async () => {
    const all = async (token: string) => ids((await f.t.gql(SEARCH, { take: 200 }, { token })).body);
    expect(await all(tellerTaichung)).toEqual([taichungActive.id]);
    expect(await all(supervisor)).not.toContain(taichungActive.id);
    expect(await all(admin)).toEqual(expect.arrayContaining([taichungActive.id, wangActive.id]));
    const foreign = await f.t.gql(DETAILS, { id: wangActive.id }, { token: tellerTaichung });
    expect(foreign.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
    expect(foreign.body.data).toBeNull();
  });

  it('sorts only by listed fields, in SQL', async () => {
    const bad = await f.t.gql(SEARCH, { sortField: 'der' }, { token: teller });
    expect(bad.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'sortField', code: 'FIELD_INVALID' }],
    });
    const { body } = await f.t.gql(SEARCH, { sortField: 'notAfter', sortOrder: 'ASC' }, { token: teller });
    const dates = body.data!.certificates.items.map((c: { notAfter: string }) => Date.parse(c.notAfter));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(body.data!.certificates.items[0].id).toBe(linActive.id);
  });

  it('loads the customers, tokens and branches of a whole page in one query each (no N+1)', async () => {
    const page = `{ certificates(take: 200) { total items { id customer { idNumber } token { serial } branch { code } } } }`;
    const { result, selects } = await countSelects(f.t.dataSource, () => f.t.gql(page, {}, { token: admin }));
    const body = result.body;
    const items = body.data!.certificates.items as Array<{ customer: { idNumber: string }; branch: { code: string } }>;
    expect(new Set(items.map((c) => c.customer.idNumber)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((c) => c.branch.code)).size).toBe(2);
    // count + page + one batched lookup per related table (+ TypeORM's id pre-select); one by one it is ≥ 7
    expect(selects).toBeLessThanOrEqual(5);
  });

  it('shows the issuer DN and the SHA-256 fingerprint exactly as OpenSSL reads them from the DER', async () => {
    const { body } = await f.t.gql(DETAILS, { id: wangActive.id }, { token: supervisor });
    const c = body.data!.certificate;
    f.ssl.file('wang.der', wangActive.der!);
    const fingerprint = f.ssl.run('x509', '-inform', 'DER', '-in', 'wang.der', '-noout', '-fingerprint', '-sha256');
    expect(`sha256 Fingerprint=${c.fingerprintSha256}`).toBe(fingerprint.trim().replace(/^SHA256/i, 'sha256'));
    const issuer = f.ssl.run(
      'x509',
      '-inform',
      'DER',
      '-in',
      'wang.der',
      '-noout',
      '-issuer',
      '-nameopt',
      'RFC2253,-esc_msb',
    );
    expect(`issuer=${c.issuerDn.replace(/, /g, ',')}`).toBe(issuer.trim());
    expect(c).toMatchObject({
      serialHex: wangActive.serialHex,
      status: 'ACTIVE',
      medium: 'PC',
      usage: 'SIGNING',
      token: null,
    });
    expect(c.customer.name).toBe(wang.name);
    expect(c.branch.code).toBe('0060000');
    expect(c.subjectDn).toContain(`${wang.idNumber}-00-261124`);
  });

  it('holds and revokes on the customer’s request, each time with a new CRL; only a teller of the branch may', async () => {
    const refused: Array<[string, string, Record<string, unknown>, string]> = [
      [SUSPEND, supervisor, { id: wangActive.id, version: wangActive.version }, 'FORBIDDEN'],
      [SUSPEND, admin, { id: wangActive.id, version: wangActive.version }, 'FORBIDDEN'],
      [SUSPEND, tellerTaichung, { id: wangActive.id, version: wangActive.version }, 'OUT_OF_BRANCH'],
      [SUSPEND, teller, { id: wangActive.id, version: wangActive.version - 1 }, 'STALE_UPDATE'],
      [REVOKE, supervisor, { id: wangActive.id, reason: 'KEY_COMPROMISE', version: wangActive.version }, 'FORBIDDEN'],
      [
        REVOKE,
        tellerTaichung,
        { id: wangActive.id, reason: 'KEY_COMPROMISE', version: wangActive.version },
        'OUT_OF_BRANCH',
      ],
      [REVOKE, teller, { id: wangHeld.id, reason: 'NOT_A_REASON', version: wangHeld.version }, 'BAD_USER_INPUT'],
    ];
    for (const [query, token, variables, code] of refused) {
      const { body } = await f.t.gql(query, variables, { token });
      expect({ variables, code: body.errors?.[0].extensions.code }).toEqual({ variables, code });
    }
    expect(
      await f.count("SELECT COUNT(*) AS n FROM certificates WHERE id = ? AND status = 'ACTIVE'", [wangActive.id]),
    ).toBe(1);
    expect(await f.crlEntry(wangActive.serialHex)).toBeNull();

    const held = await f.t.gql(SUSPEND, { id: wangActive.id, version: wangActive.version }, { token: teller });
    expect(held.body.data!.suspendCertificate.status).toBe('SUSPENDED');
    expect(await f.crlEntry(wangActive.serialHex)).toContain('Certificate Hold');
    const heldVersion = held.body.data!.suspendCertificate.version;
    const twice = await f.t.gql(SUSPEND, { id: wangActive.id, version: heldVersion }, { token: teller });
    expect(twice.body.errors![0].extensions.code).toBe('INVALID_STATE_TRANSITION');

    const revoked = await f.t.gql(
      REVOKE,
      { id: wangActive.id, reason: 'CESSATION_OF_OPERATION', version: heldVersion },
      { token: teller },
    );
    expect(revoked.body.data!.revokeCertificate).toMatchObject({
      status: 'REVOKED',
      revocationReason: 'CESSATION_OF_OPERATION',
    });
    expect(await f.crlEntry(wangActive.serialHex)).toContain('Cessation Of Operation');
    const actions = await f.t.dataSource.query(
      "SELECT action, `after` FROM audit_events WHERE target_id = ? AND action IN ('CERTIFICATE_SUSPENDED', 'CERTIFICATE_REVOKED') ORDER BY id",
      [wangActive.id],
    );
    expect(actions.map((a: { action: string; after: string }) => [a.action, JSON.parse(a.after).channel])).toEqual([
      ['CERTIFICATE_SUSPENDED', 'COUNTER'],
      ['CERTIFICATE_REVOKED', 'COUNTER'],
    ]);
  });
});
