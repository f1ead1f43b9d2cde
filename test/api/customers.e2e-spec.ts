import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { TestApp } from '../support/test-app';
import { countSelects } from '../support/query-count';

const CREATE = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id kind idKind idNumber name email phone homeBranch { code } version }
}`;
const LIST = `query($skip: Int, $take: Int, $filter: CustomerFilter, $sortField: String, $sortOrder: SortOrder) {
  customers(skip: $skip, take: $take, filter: $filter, sortField: $sortField, sortOrder: $sortOrder) {
    total items { id idNumber name homeBranch { code name } }
  }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { name email version } }`;

describe('customers (MariaDB)', () => {
  let t: TestApp;
  let teller: string;
  let tellerTaichung: string;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start('customers');
    [teller, tellerTaichung, admin] = [
      await t.signIn('teller01'),
      await t.signIn('teller02'),
      await t.signIn('admin01'),
    ];
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);

  it('registers an individual with a Chinese name in the teller’s branch, with its audit event', async () => {
    const { body } = await t.gql(
      CREATE,
      { input: { idNumber: ' a123456789 ', name: '  張美玲 ', email: 'mei@example.com.tw', phone: '0912345678' } },
      { token: teller },
    );
    expect(body.errors).toBeUndefined();
    const created = body.data!.createCustomer;
    expect(created).toMatchObject({
      kind: 'INDIVIDUAL',
      idKind: 'NATIONAL_ID',
      idNumber: 'A123456789',
      name: '張美玲',
      homeBranch: { code: '0060000' },
      version: 1,
    });
    const [row] = await t.dataSource.query('SELECT id_number, name, home_branch_id FROM customers WHERE id = ?', [
      created.id,
    ]);
    expect(row).toEqual({ id_number: 'A123456789', name: '張美玲', home_branch_id: SEED_BRANCH_IDS.HEAD_OFFICE });
    const [event] = await t.dataSource.query(
      "SELECT actor_role, branch_code, `after` FROM audit_events WHERE action = 'CUSTOMER_CREATED' AND target_id = ?",
      [created.id],
    );
    expect(event.actor_role).toBe('TELLER');
    expect(event.branch_code).toBe('0060000');
    expect(JSON.parse(event.after)).toMatchObject({ idNumber: 'A123456789', name: '張美玲' });
  });

  it('registers a business by its unified business number', async () => {
    const { body } = await t.gql(
      CREATE,
      { input: { idNumber: '04595257', name: '測試科技股份有限公司' } },
      { token: teller },
    );
    expect(body.data!.createCustomer).toMatchObject({ kind: 'BUSINESS', idKind: 'BUSINESS_NUMBER', email: null });
  });

  it('refuses a wrong ID with a field error in zh-TW and stores nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM customers');
    const { body } = await t.gql(CREATE, { input: { idNumber: 'A123456788', name: '王大同' } }, { token: teller });
    const error = body.errors![0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual([
      {
        field: 'idNumber',
        code: 'ID_NUMBER_INVALID',
        message: '身分證統一編號或居留證號不正確，請確認英文字母與檢查碼。',
      },
    ]);
    const business = await t.gql(
      CREATE,
      { input: { idNumber: '04595258', name: '某公司' } },
      { token: teller, lang: 'en' },
    );
    expect(business.body.errors![0].extensions.fields[0]).toMatchObject({
      field: 'idNumber',
      code: 'BUSINESS_NUMBER_INVALID',
    });
    expect(await count('SELECT COUNT(*) AS n FROM customers')).toBe(before);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CUSTOMER_CREATED' AND `after` LIKE '%王大同%'",
      ),
    ).toBe(0);
  });

  it('refuses a duplicate ID number with CUSTOMER_DUPLICATE, even in another form of writing', async () => {
    const existing = SEED_CUSTOMERS[0];
    const before = await count('SELECT COUNT(*) AS n FROM customers');
    const { body } = await t.gql(
      CREATE,
      { input: { idNumber: existing.idNumber.toLowerCase(), name: '重複' } },
      { token: admin },
    );
    expect(body.errors![0].extensions.code).toBe('CUSTOMER_DUPLICATE');
    expect(body.errors![0].message).toBe('此證號的客戶已存在。');
    expect(await count('SELECT COUNT(*) AS n FROM customers')).toBe(before);
  });

  it('refuses oversized and malformed fields, each with its own code, and stores nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM customers');
    const { body } = await t.gql(
      CREATE,
      { input: { idNumber: 'B120000008', name: '林'.repeat(101), email: 'not-an-email' } },
      { token: teller },
    );
    const fields = body.errors![0].extensions.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'FIELD_TOO_LONG', message: '長度不可超過 100 個字元。' },
        { field: 'email', code: 'EMAIL_INVALID', message: '電子郵件地址格式不正確。' },
      ]),
    );
    const phone = await t.gql(
      CREATE,
      { input: { idNumber: 'B120000008', name: '林小華', phone: '09<script>' } },
      { token: teller },
    );
    expect(phone.body.errors![0].extensions.fields).toEqual([
      { field: 'phone', code: 'PHONE_INVALID', message: '電話號碼格式不正確。' },
    ]);
    const huge = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${teller}` },
      body: JSON.stringify({
        query: CREATE,
        variables: { input: { idNumber: 'B120000008', name: 'x'.repeat(200_000) } },
      }),
    });
    expect(huge.status).toBe(413);
    expect(await count('SELECT COUNT(*) AS n FROM customers')).toBe(before);
  });

  it('finds customers by ID prefix or part of the name, paged and sorted in SQL', async () => {
    const target = SEED_CUSTOMERS.find((c) => c.homeBranchId === SEED_BRANCH_IDS.HEAD_OFFICE)!;
    const byId = await t.gql(LIST, { filter: { q: target.idNumber.slice(0, 6).toLowerCase() } }, { token: teller });
    expect(byId.body.data!.customers.items.map((c: { id: string }) => c.id)).toContain(target.id);
    const byName = await t.gql(LIST, { filter: { q: target.name.slice(1) } }, { token: teller });
    expect(byName.body.data!.customers.items.map((c: { id: string }) => c.id)).toContain(target.id);

    const ownBranch = SEED_CUSTOMERS.filter((c) => c.homeBranchId === SEED_BRANCH_IDS.HEAD_OFFICE).length + 2;
    const page = await t.gql(LIST, { skip: 0, take: 5, sortField: 'idNumber', sortOrder: 'ASC' }, { token: teller });
    const { total, items } = page.body.data!.customers;
    expect(total).toBe(ownBranch);
    expect(items).toHaveLength(5);
    expect(items.map((c: { idNumber: string }) => c.idNumber)).toEqual(
      [...items.map((c: { idNumber: string }) => c.idNumber)].sort(),
    );
    const bad = await t.gql(LIST, { sortField: 'password_hash' }, { token: teller });
    expect(bad.body.errors![0].extensions.fields).toEqual([
      expect.objectContaining({ field: 'sortField', code: 'FIELD_INVALID' }),
    ]);
  });

  it('loads the branches of a whole page in one query (no N+1)', async () => {
    const { result, selects } = await countSelects(t.dataSource, () => t.gql(LIST, { take: 50 }, { token: admin }));
    expect(result.body.data!.customers.items.length).toBeGreaterThan(40);
    // session token check + count + page + one batched branch lookup (+ TypeORM's id pre-select)
    expect(selects).toBeLessThanOrEqual(5);
  });

  it('keeps tellers inside their own branch', async () => {
    const other = SEED_CUSTOMERS.find((c) => c.homeBranchId === SEED_BRANCH_IDS.TAICHUNG)!;
    const read = await t.gql('query($id: ID!) { customer(id: $id) { id } }', { id: other.id }, { token: teller });
    expect(read.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
    const list = await t.gql(LIST, { filter: { q: other.idNumber } }, { token: teller });
    expect(list.body.data!.customers.total).toBe(0);
    const create = await t.gql(
      CREATE,
      { input: { idNumber: 'C100000003', name: '跨行', homeBranchId: SEED_BRANCH_IDS.TAICHUNG } },
      { token: teller },
    );
    expect(create.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
    const edit = await t.gql(UPDATE, { id: other.id, input: { name: '改名', version: 1 } }, { token: teller });
    expect(edit.body.errors![0].extensions.code).toBe('OUT_OF_BRANCH');
    const own = await t.gql(
      'query($id: ID!) { customer(id: $id) { id } }',
      { id: other.id },
      { token: tellerTaichung },
    );
    expect(own.body.data).toEqual({ customer: { id: other.id } });
  });

  it('lets supervisors read but not register', async () => {
    const supervisor = await t.signIn('supervisor01');
    const read = await t.gql(LIST, {}, { token: supervisor });
    expect(read.body.data!.customers.total).toBeGreaterThan(0);
    const create = await t.gql(CREATE, { input: { idNumber: 'D100000004', name: '主管' } }, { token: supervisor });
    expect(create.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('edits contact data with an optimistic lock: a stale version changes nothing', async () => {
    const mine = SEED_CUSTOMERS.find((c) => c.homeBranchId === SEED_BRANCH_IDS.HEAD_OFFICE)!;
    const first = await t.gql(
      UPDATE,
      { id: mine.id, input: { email: 'new@example.com.tw', version: 1 } },
      { token: teller },
    );
    expect(first.body.data).toEqual({ updateCustomer: { name: mine.name, email: 'new@example.com.tw', version: 2 } });
    const stale = await t.gql(UPDATE, { id: mine.id, input: { name: '舊畫面', version: 1 } }, { token: teller });
    expect(stale.body.errors![0].extensions.code).toBe('STALE_UPDATE');
    const [row] = await t.dataSource.query('SELECT name, version FROM customers WHERE id = ?', [mine.id]);
    expect(row).toEqual({ name: mine.name, version: 2 });
    const events = await t.dataSource.query(
      "SELECT `before`, `after` FROM audit_events WHERE action = 'CUSTOMER_UPDATED' AND target_id = ?",
      [mine.id],
    );
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].after).email).toBe('new@example.com.tw');
  });

  it('hides internal failures behind a correlation id', async () => {
    const { body } = await t.gql(
      'query($id: ID!) { customer(id: $id) { id } }',
      { id: 'x'.repeat(5000) },
      { token: admin },
    );
    expect(body.errors![0].extensions.code).toMatch(/^(CUSTOMER_NOT_FOUND|INTERNAL_ERROR)$/);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|stack|at .*\.js/);
  });
});
