import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffRole } from '@app/contracts';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { ApprovalService } from '@app/api/approval/approval.service';
import type { RequestContext } from '@app/api/common/request-context';
import { CounterFixture } from '../support/counter-fixture';

const SUSPEND = `mutation($id: ID!, $version: Int!) { suspendCertificate(id: $id, version: $version) { status version } }`;
const REQUEST = `mutation($input: RequestUnsuspendInput!) {
  requestUnsuspend(input: $input) { id status documentType seenInPerson note requestedBy { username } }
}`;
const APPROVE = `mutation($id: ID!) { approveRequest(id: $id) { status decidedBy { username } decidedAt } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectRequest(id: $id, reason: $reason) { status decisionReason } }`;
const APPROVALS = `query($filter: ApprovalFilter) {
  approvals(filter: $filter) { total items { id status requestedAt requestedBy { username } documentType note certificate { serialHex } } }
}`;
const CERTIFICATE = `query($id: ID!) {
  certificate(id: $id) {
    status version pendingUnsuspend { id }
    history { action actor actorRole channel fromStatus toStatus documentType reason }
  }
}`;

const customer = SEED_CUSTOMERS[0];

describe('unsuspend at the counter with four eyes (MariaDB, CRL judged by OpenSSL)', () => {
  let f: CounterFixture;
  let teller: string;
  let tellerTaichung: string;
  let supervisor: string;
  let supervisorTaichung: string;
  let admin: string;
  beforeAll(async () => {
    f = await CounterFixture.start('unsuspend');
    [teller, tellerTaichung, supervisor, supervisorTaichung, admin] = await Promise.all(
      ['teller01', 'teller02', 'supervisor01', 'supervisor02', 'admin01'].map((u) => f.t.signIn(u)),
    );
  });
  afterAll(() => f?.close());

  /** A certificate of the head office held at the counter, as the customer asked. */
  async function heldCertificate() {
    const c = await f.issue({ customerId: customer.id, idNumber: customer.idNumber });
    const { body } = await f.t.gql(SUSPEND, { id: c.id, version: c.version }, { token: teller });
    expect(body.data!.suspendCertificate.status).toBe('SUSPENDED');
    return c;
  }
  const input = (certificateId: string, extra: Record<string, unknown> = {}) => ({
    input: {
      certificateId,
      documentType: 'NATIONAL_ID_CARD',
      seenInPerson: true,
      note: '客戶臨櫃，證件相符',
      ...extra,
    },
  });
  const statusOf = async (id: string) =>
    (await f.t.dataSource.query('SELECT status FROM certificates WHERE id = ?', [id]))[0].status as string;

  it('waits for a supervisor of the same branch, then releases the hold and the certificate leaves the CRL', async () => {
    const c = await heldCertificate();
    expect(await f.crlEntry(c.serialHex)).toContain('Certificate Hold');

    const asked = await f.t.gql(REQUEST, input(c.id), { token: teller });
    expect(asked.body.errors).toBeUndefined();
    const request = asked.body.data!.requestUnsuspend;
    expect(request).toMatchObject({ status: 'PENDING', documentType: 'NATIONAL_ID_CARD', seenInPerson: true });
    expect(request.requestedBy.username).toBe('teller01');
    // The teller's request alone changes nothing: still held, still on the CRL.
    expect(await statusOf(c.id)).toBe('SUSPENDED');
    expect(await f.crlEntry(c.serialHex)).toContain('Certificate Hold');

    const byTeller = await f.t.gql(APPROVE, { id: request.id }, { token: teller });
    expect(byTeller.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const byOtherBranch = await f.t.gql(APPROVE, { id: request.id }, { token: supervisorTaichung });
    expect(byOtherBranch.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
    const byAdmin = await f.t.gql(APPROVE, { id: request.id }, { token: admin });
    expect(byAdmin.body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await statusOf(c.id)).toBe('SUSPENDED');
    expect(await f.crlEntry(c.serialHex)).toContain('Certificate Hold');

    const approved = await f.t.gql(APPROVE, { id: request.id }, { token: supervisor });
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data!.approveRequest).toMatchObject({
      status: 'APPROVED',
      decidedBy: { username: 'supervisor01' },
    });
    expect(await statusOf(c.id)).toBe('ACTIVE');
    expect(await f.crlEntry(c.serialHex)).toBeNull();
    expect(await f.crlText()).not.toContain(c.serialHex.toUpperCase());

    const again = await f.t.gql(APPROVE, { id: request.id }, { token: supervisor });
    expect(again.body.errors![0].extensions.code).toBe('APPROVAL_ALREADY_DECIDED');

    const { body } = await f.t.gql(CERTIFICATE, { id: c.id }, { token: supervisor });
    expect(body.data!.certificate.pendingUnsuspend).toBeNull();
    expect(body.data!.certificate.history.map((e: { action: string }) => e.action)).toEqual([
      'CERTIFICATE_REQUESTED',
      'CERTIFICATE_ISSUED',
      'CERTIFICATE_SUSPENDED',
      'UNSUSPEND_REQUESTED',
      'CERTIFICATE_ACTIVE',
      'UNSUSPEND_APPROVED',
    ]);
    expect(body.data!.certificate.history.slice(2)).toMatchObject([
      { actor: 'teller01', actorRole: 'TELLER', channel: 'COUNTER', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED' },
      { actor: 'teller01', channel: 'COUNTER', documentType: 'NATIONAL_ID_CARD' },
      {
        actor: 'supervisor01',
        actorRole: 'SUPERVISOR',
        channel: 'COUNTER',
        fromStatus: 'SUSPENDED',
        toStatus: 'ACTIVE',
      },
      { actor: 'supervisor01', channel: 'COUNTER' },
    ]);
  });

  it('keeps the hold when a supervisor rejects, with the reason in the history', async () => {
    const c = await heldCertificate();
    const request = (await f.t.gql(REQUEST, input(c.id), { token: teller })).body.data!.requestUnsuspend;

    const blank = await f.t.gql(REJECT, { id: request.id, reason: '   ' }, { token: supervisor });
    expect(blank.body.errors![0].extensions.fields).toMatchObject([{ field: 'reason', code: 'FIELD_REQUIRED' }]);
    const otherBranch = await f.t.gql(REJECT, { id: request.id, reason: '證件不符' }, { token: supervisorTaichung });
    expect(otherBranch.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');

    const { body } = await f.t.gql(REJECT, { id: request.id, reason: '證件照片與本人不符' }, { token: supervisor });
    expect(body.data!.rejectRequest).toEqual({ status: 'REJECTED', decisionReason: '證件照片與本人不符' });
    expect(await statusOf(c.id)).toBe('SUSPENDED');
    expect(await f.crlEntry(c.serialHex)).toContain('Certificate Hold');
    const late = await f.t.gql(APPROVE, { id: request.id }, { token: supervisor });
    expect(late.body.errors![0].extensions.code).toBe('APPROVAL_ALREADY_DECIDED');
    const history = (await f.t.gql(CERTIFICATE, { id: c.id }, { token: teller })).body.data!.certificate.history;
    expect(history.at(-1)).toMatchObject({
      action: 'UNSUSPEND_REJECTED',
      actor: 'supervisor01',
      reason: '證件照片與本人不符',
    });

    // After a rejection the teller may ask again, e.g. once the customer brings the right document.
    const second = await f.t.gql(REQUEST, input(c.id, { documentType: 'PASSPORT' }), { token: teller });
    expect(second.body.data!.requestUnsuspend.status).toBe('PENDING');
  });

  it('refuses bad requests with their codes and stores nothing', async () => {
    const c = await heldCertificate();
    const active = await f.issue({ customerId: customer.id, idNumber: customer.idNumber, sequence: '01' });
    const requests = () =>
      f.count('SELECT COUNT(*) AS n FROM unsuspend_requests WHERE certificate_id IN (?, ?)', [c.id, active.id]);
    const events = () =>
      f.count("SELECT COUNT(*) AS n FROM audit_events WHERE action LIKE 'UNSUSPEND%' AND target_id IN (?, ?)", [
        c.id,
        active.id,
      ]);

    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['not seen in person', input(c.id, { seenInPerson: false }), teller, 'UNSUSPEND_NOT_IN_PERSON'],
      ['not suspended', input(active.id), teller, 'CERTIFICATE_NOT_SUSPENDED'],
      ['teller of another branch', input(c.id), tellerTaichung, 'OUT_OF_BRANCH'],
      ['a supervisor asking', input(c.id), supervisor, 'FORBIDDEN'],
      ['an admin asking', input(c.id), admin, 'FORBIDDEN'],
      ['unknown certificate', input('00000000-0000-4000-8000-0000000000ff'), teller, 'CERTIFICATE_NOT_FOUND'],
      // Nobody outside the counter, a customer included, reaches unsuspend at all.
      ['no staff session', input(c.id), '', 'UNAUTHENTICATED'],
    ];
    for (const [what, variables, token, code] of cases) {
      const { body } = await f.t.gql(REQUEST, variables, { token });
      expect({ what, code: body.errors?.[0].extensions.code }).toEqual({ what, code });
    }
    const badDocument = await f.t.gql(REQUEST, input(c.id, { documentType: 'LIBRARY_CARD' }), { token: teller });
    expect(badDocument.body.errors).toBeDefined();
    const longNote = await f.t.gql(REQUEST, input(c.id, { note: '註'.repeat(201) }), { token: teller });
    expect(longNote.body.errors![0].extensions.fields).toMatchObject([{ field: 'note', code: 'FIELD_TOO_LONG' }]);
    expect(await requests()).toBe(0);
    expect(await events()).toBe(0);

    expect((await f.t.gql(REQUEST, input(c.id), { token: teller })).body.errors).toBeUndefined();
    const duplicate = await f.t.gql(REQUEST, input(c.id), { token: teller });
    expect(duplicate.body.errors![0].extensions.code).toBe('UNSUSPEND_ALREADY_PENDING');
    expect(duplicate.body.errors![0].message).toBe('此憑證已有一筆待主管覆核的解禁申請。');
    expect(await requests()).toBe(1);
  });

  it('never lets anyone decide their own request, whatever their role says (four eyes)', async () => {
    const c = await heldCertificate();
    const request = (await f.t.gql(REQUEST, input(c.id), { token: teller })).body.data!.requestUnsuspend;
    const [asker] = await f.t.dataSource.query(
      "SELECT s.id, s.branch_id, b.code FROM staff_users s JOIN branches b ON b.id = s.branch_id WHERE s.username = 'teller01'",
    );
    // A member of staff promoted after asking still counts as the asker: the second pair of eyes must be someone else's.
    const promoted: RequestContext = {
      requestId: 'four-eyes-own-request',
      clientIp: null,
      locale: 'zh-TW',
      staff: {
        id: asker.id,
        username: 'teller01',
        role: StaffRole.SUPERVISOR,
        branchId: asker.branch_id,
        branchCode: asker.code,
      },
    };
    const approvals = f.t.app.get(ApprovalService);
    await expect(approvals.approve(promoted, request.id)).rejects.toMatchObject({ code: 'APPROVAL_OWN_REQUEST' });
    await expect(approvals.rejectRequest(promoted, request.id, '自己退回')).rejects.toMatchObject({
      code: 'APPROVAL_OWN_REQUEST',
    });
    expect(await statusOf(c.id)).toBe('SUSPENDED');
    const [row] = await f.t.dataSource.query('SELECT status FROM unsuspend_requests WHERE id = ?', [request.id]);
    expect(row.status).toBe('PENDING');
  });

  it('lists the branch’s waiting requests oldest first, with who asked and why; other branches see none', async () => {
    const { body } = await f.t.gql(APPROVALS, { filter: { status: 'PENDING' } }, { token: supervisor });
    const items = body.data!.approvals.items;
    expect(body.data!.approvals.total).toBeGreaterThanOrEqual(2);
    const times = items.map((r: { requestedAt: string }) => Date.parse(r.requestedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items[0]).toMatchObject({
      status: 'PENDING',
      requestedBy: { username: 'teller01' },
      note: '客戶臨櫃，證件相符',
    });
    const taichung = await f.t.gql(APPROVALS, { filter: { status: 'PENDING' } }, { token: supervisorTaichung });
    expect(taichung.body.data!.approvals).toEqual({ total: 0, items: [] });
  });

  it('cancels a waiting request when the certificate is revoked', async () => {
    const c = await heldCertificate();
    const request = (await f.t.gql(REQUEST, input(c.id), { token: teller })).body.data!.requestUnsuspend;
    const version = (await f.t.gql(CERTIFICATE, { id: c.id }, { token: teller })).body.data!.certificate.version;
    const revoke = `mutation($id: ID!, $version: Int!) { revokeCertificate(id: $id, reason: KEY_COMPROMISE, version: $version) { status } }`;
    expect((await f.t.gql(revoke, { id: c.id, version }, { token: teller })).body.data!.revokeCertificate.status).toBe(
      'REVOKED',
    );
    const [row] = await f.t.dataSource.query(
      'SELECT status, pending_certificate_id FROM unsuspend_requests WHERE id = ?',
      [request.id],
    );
    expect(row).toEqual({ status: 'CANCELLED', pending_certificate_id: null });
    const history = (await f.t.gql(CERTIFICATE, { id: c.id }, { token: teller })).body.data!.certificate.history;
    expect(history.slice(-2).map((e: { action: string }) => e.action)).toEqual([
      'CERTIFICATE_REVOKED',
      'UNSUSPEND_CANCELLED',
    ]);
    const late = await f.t.gql(APPROVE, { id: request.id }, { token: supervisor });
    expect(late.body.errors![0].extensions.code).toBe('APPROVAL_ALREADY_DECIDED');
    expect(await f.crlEntry(c.serialHex)).toContain('Key Compromise');
  });
});
