import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { seedDemo } from '@app/api/seed/demo-seeder';
import { TestApp } from '../support/test-app';

describe('demo seeds (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('seeds');
  });
  afterAll(() => t?.close());

  it('seeds every branch, member of staff and customer once, with hashed passwords', async () => {
    const [{ n: customers }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM customers');
    expect(Number(customers)).toBe(SEED_CUSTOMERS.length);
    const staff: Array<{ username: string; password_hash: string }> = await t.dataSource.query(
      'SELECT username, password_hash FROM staff_users',
    );
    expect(staff).toHaveLength(SEED_STAFF.length);
    for (const row of staff) {
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(SEED_STAFF.find((s) => s.username === row.username)!.demoPassword);
    }
  });

  it('changes nothing when run again, not even a password someone changed', async () => {
    await t.dataSource.query("UPDATE staff_users SET password_hash = 'scrypt$changed' WHERE username = 'teller02'");
    await expect(seedDemo(t.dataSource)).resolves.toEqual({ branches: 0, staff: 0, customers: 0 });
    const [row] = await t.dataSource.query("SELECT password_hash FROM staff_users WHERE username = 'teller02'");
    expect(row.password_hash).toBe('scrypt$changed');
  });
});
