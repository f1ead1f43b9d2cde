import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { CounterApplication } from '@app/api/application/counter-application.entity';
import { AuditService } from '@app/api/audit/audit.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { TestApp } from '../support/test-app';

const BOM = [0xef, 0xbb, 0xbf];
const TELLER01 = SEED_STAFF.find((s) => s.username === 'teller01')!.id;

/** RFC 4180 rows of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('CSV exports (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  async function download(path: string, user: string, lang = 'zh-TW') {
    const res = await fetch(`${t.url}${path}`, {
      headers: { authorization: `Bearer ${tokens[user]}`, 'accept-language': lang },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, rows: parseCsv(bytes.subarray(3).toString('utf8')) };
  }

  async function application(customer: (typeof SEED_CUSTOMERS)[number], branchId: string, email: string) {
    const id = randomUUID();
    await t.dataSource.getRepository(CounterApplication).insert({
      id,
      customerId: customer.id,
      certType: 'FXML',
      medium: 'PC',
      email,
      commonName: `${customer.idNumber}-00-${id.slice(0, 6)}`,
      cnSequence: 0,
      tellerId: TELLER01,
      branchId,
      status: 'ISSUED',
      statusChangedAt: new Date(),
    });
    return id;
  }

  async function certificate(applicationId: string, customer: (typeof SEED_CUSTOMERS)[number], branchId: string) {
    await t.dataSource.getRepository(Certificate).insert({
      id: randomUUID(),
      serialHex: randomBytes(16).toString('hex'),
      subjectDn: `CN=${customer.idNumber}`,
      commonName: `=${customer.idNumber}-00-261124`,
      usage: 'SIGNING',
      medium: 'PC',
      customerId: customer.id,
      applicationId,
      branchId,
      status: 'ISSUED',
      statusChangedAt: new Date(),
      notBefore: new Date('2026-11-24T00:00:00Z'),
      notAfter: new Date('2027-11-24T00:00:00Z'),
    });
  }

  beforeAll(async () => {
    t = await TestApp.start('exports');
    for (const u of ['teller01', 'supervisor01', 'supervisor02', 'admin01']) tokens[u] = await t.signIn(u);
    const [wang, lin] = SEED_CUSTOMERS;
    await certificate(
      await application(wang, SEED_BRANCH_IDS.HEAD_OFFICE, 'wang@example.com.tw'),
      wang,
      SEED_BRANCH_IDS.HEAD_OFFICE,
    );
    await certificate(
      await application(lin, SEED_BRANCH_IDS.TAICHUNG, 'lin@example.com.tw'),
      lin,
      SEED_BRANCH_IDS.TAICHUNG,
    );
    await t.gql(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { idNumber: 'A123456789', name: '張美玲, "小玲"' } },
      { token: tokens.teller01 },
    );
  });
  afterAll(() => t?.close());

  it('exports the audit trail with the BOM, CRLF lines and Chinese intact', async () => {
    const { res, bytes, rows } = await download('/exports/audit.csv?action=CUSTOMER_CREATED', 'admin01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(rows[0]).toEqual(expect.arrayContaining(['時間', '操作者帳號', '動作', '變更後']));
    expect(rows).toHaveLength(2);
    const record = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(record).toMatchObject({ 動作: 'CUSTOMER_CREATED', 操作者帳號: 'teller01', 分行代號: '0060000' });
    expect(JSON.parse(record['變更後'])).toMatchObject({ name: '張美玲, "小玲"' });
  });

  it('streams an export larger than one read batch without losing or repeating a row', async () => {
    const audit = t.app.get(AuditService);
    const system = { requestId: 'bulk-export-test', clientIp: null, locale: 'zh-TW' as const, staff: null };
    await t.dataSource.transaction(async (m) => {
      for (let i = 0; i < 1234; i++) {
        await audit.record(m, system, {
          action: 'BULK_TEST',
          targetType: 'Test',
          targetId: String(i),
          branchCode: '0060000',
        });
      }
    });
    const { rows } = await download('/exports/audit.csv?action=BULK_TEST', 'admin01');
    const targets = rows.slice(1).map((r) => Number(r[10]));
    expect(targets).toHaveLength(1234);
    expect(targets).toEqual([...Array(1234).keys()]);
  });

  it('gives English headers to an English client', async () => {
    const { rows } = await download('/exports/audit.csv?action=CUSTOMER_CREATED', 'admin01', 'en');
    expect(rows[0].slice(0, 3)).toEqual(['Chain seq', 'Id', 'Time']);
  });

  it('keeps a supervisor’s audit export to their branch, whatever the filter says', async () => {
    const own = await download('/exports/audit.csv', 'supervisor02');
    const branchColumn = own.rows[0].indexOf('分行代號');
    expect(own.rows.length).toBeGreaterThan(1);
    expect(new Set(own.rows.slice(1).map((r) => r[branchColumn]))).toEqual(new Set(['0060123']));
    const other = await download('/exports/audit.csv?branchCode=0060000', 'supervisor02');
    expect(other.rows).toHaveLength(1);
  });

  it('exports certificates in the branch scope, masking ID numbers and defusing formulas', async () => {
    const admin = await download('/exports/certificates.csv', 'admin01');
    expect([...admin.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(admin.rows).toHaveLength(3);
    const sup = await download('/exports/certificates.csv', 'supervisor01');
    expect(sup.rows).toHaveLength(2);
    const record = Object.fromEntries(sup.rows[0].map((h, i) => [h, sup.rows[1][i]]));
    expect(record).toMatchObject({
      客戶名稱: '王小明',
      '身分證/統一編號': 'U1****4691',
      '憑證名稱(CN)': "'=U139514691-00-261124",
      分行代號: '0060000',
      到期時間: '2027-11-24 08:00:00',
    });
    const filtered = await download(`/exports/certificates.csv?status=REVOKED`, 'admin01');
    expect(filtered.rows).toHaveLength(1);
    // The list's own filter names: the customer's ID number as typed, lower case and all.
    const byId = await download('/exports/certificates.csv?idNumber=f246061918', 'admin01');
    expect(byId.rows.map((r) => r[5])).toEqual(['客戶名稱', '林美華']);
    // …and the serial as OpenSSL prints it, as the certificate list takes it
    const [one] = await t.dataSource.query('SELECT serial_hex FROM certificates ORDER BY serial_hex LIMIT 1');
    const colons = (one.serial_hex as string).toUpperCase().match(/../g)!.join(':');
    const bySerial = await download(`/exports/certificates.csv?serialHex=${encodeURIComponent(colons)}`, 'admin01');
    expect(bySerial.rows.map((r) => r[0])).toEqual(['憑證序號', one.serial_hex]);
  });

  it('exports applications with the address the customer gave, filtered', async () => {
    const all = await download('/exports/applications.csv', 'admin01');
    expect(all.rows).toHaveLength(3);
    const taichung = await download(`/exports/applications.csv?branchId=${SEED_BRANCH_IDS.TAICHUNG}`, 'admin01');
    expect(taichung.rows).toHaveLength(2);
    const record = Object.fromEntries(taichung.rows[0].map((h, i) => [h, taichung.rows[1][i]]));
    expect(record).toMatchObject({ 客戶名稱: '林美華', 電子郵件: 'lin@example.com.tw', 承辦櫃員: 'teller01' });
    const byCn = await download('/exports/applications.csv?q=u1395', 'admin01');
    expect(byCn.rows.map((r) => r[4])).toEqual(['客戶名稱', '王小明']);
    const scoped = await download(`/exports/applications.csv?branchId=${SEED_BRANCH_IDS.TAICHUNG}`, 'supervisor01');
    expect(scoped.rows).toHaveLength(1);
  });

  it('audits each export with its filter', async () => {
    await download('/exports/certificates.csv?status=ISSUED', 'supervisor01');
    const [event] = await t.dataSource.query(
      "SELECT actor_role, branch_code, `after` FROM audit_events WHERE action = 'CERTIFICATES_EXPORTED' ORDER BY id DESC LIMIT 1",
    );
    expect(event.actor_role).toBe('SUPERVISOR');
    expect(event.branch_code).toBe('0060000');
    expect(JSON.parse(event.after)).toEqual({ filter: { status: 'ISSUED' } });
  });

  it('refuses tellers, strangers and bad filters with a coded, translated JSON error', async () => {
    const teller = await download('/exports/audit.csv', 'teller01');
    expect(teller.res.status).toBe(403);
    const anonymous = await fetch(`${t.url}/exports/certificates.csv`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '請先登入。' });
    const bad = await fetch(`${t.url}/exports/certificates.csv?status=LOST&evil=1`, {
      headers: { authorization: `Bearer ${tokens.admin01}`, 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', faq: '/faq#BAD_USER_INPUT' });
  });
});
