import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { CounterFixture } from '../support/counter-fixture';

const REQUEST = `mutation($input: RequestUnsuspendInput!) { requestUnsuspend(input: $input) { status decidedAt } }`;

const customer = SEED_CUSTOMERS[2];

describe('unsuspend without four eyes (UNSUSPEND_REQUIRES_APPROVAL=false)', () => {
  let f: CounterFixture;
  let teller: string;
  beforeAll(async () => {
    f = await CounterFixture.start('unsuspend_direct', { UNSUSPEND_REQUIRES_APPROVAL: 'false' });
    teller = await f.t.signIn('teller01');
  });
  afterAll(() => f?.close());

  it('applies the teller’s request at once, still audited with the identity check, and the CRL drops the entry', async () => {
    const c = await f.issue({ customerId: customer.id, idNumber: customer.idNumber, status: 'SUSPENDED' });
    const input = { certificateId: c.id, documentType: 'RESIDENT_CERTIFICATE', seenInPerson: true };

    const unseen = await f.t.gql(REQUEST, { input: { ...input, seenInPerson: false } }, { token: teller });
    expect(unseen.body.errors![0].extensions.code).toBe('UNSUSPEND_NOT_IN_PERSON');

    const { body } = await f.t.gql(REQUEST, { input }, { token: teller });
    expect(body.errors).toBeUndefined();
    expect(body.data!.requestUnsuspend.status).toBe('APPROVED');
    expect(body.data!.requestUnsuspend.decidedAt).not.toBeNull();
    const [row] = await f.t.dataSource.query('SELECT status FROM certificates WHERE id = ?', [c.id]);
    expect(row.status).toBe('ACTIVE');
    expect(await f.crlText()).not.toContain(c.serialHex.toUpperCase());
    const events = await f.t.dataSource.query(
      "SELECT action, actor_role, `after` FROM audit_events WHERE target_id = ? AND action IN ('UNSUSPEND_REQUESTED', 'CERTIFICATE_ACTIVE') ORDER BY id",
      [c.id],
    );
    expect(events.map((e: { action: string; actor_role: string }) => [e.action, e.actor_role])).toEqual([
      ['UNSUSPEND_REQUESTED', 'TELLER'],
      ['CERTIFICATE_ACTIVE', 'TELLER'],
    ]);
    expect(JSON.parse(events[0].after)).toMatchObject({
      documentType: 'RESIDENT_CERTIFICATE',
      approvalRequired: false,
    });
  });
});
