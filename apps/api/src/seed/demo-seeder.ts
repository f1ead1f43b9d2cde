import { classifyIdNumber, customerKindOf } from '@app/domain';
import { SEED_BRANCHES } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { SEED_KIOSKS } from '@app/seeds/kiosks.data';
import { SEED_STAFF } from '@app/seeds/staff.data';
import type { DataSource } from 'typeorm';
import { Branch } from '../branch/branch.entity';
import { hashSecret } from '../common/password-hash';
import { Customer } from '../customer/customer.entity';
import { Kiosk } from '../kiosk/kiosk.entity';
import { StaffUser } from '../staff/staff-user.entity';

export interface SeedCounts {
  branches: number;
  staff: number;
  customers: number;
}

/**
 * Inserts the demo branches, staff and customers that are not there yet (fixed ids), so running it
 * again changes nothing, and never overwrites a password someone has changed.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedCounts> {
  return dataSource.transaction(async (m) => {
    const counts: SeedCounts = { branches: 0, staff: 0, customers: 0 };
    for (const b of SEED_BRANCHES) {
      if (await m.existsBy(Branch, { id: b.id })) continue;
      await m.insert(Branch, { id: b.id, code: b.code, name: b.name });
      counts.branches += 1;
    }
    for (const s of SEED_STAFF) {
      if (await m.existsBy(StaffUser, { id: s.id })) continue;
      const passwordHash = await hashSecret(s.demoPassword);
      await m.insert(StaffUser, {
        id: s.id,
        username: s.username,
        displayName: s.displayName,
        role: s.role,
        branchId: s.branchId,
        passwordHash,
        active: true,
        failedSignIns: 0,
      });
      counts.staff += 1;
    }
    for (const c of SEED_CUSTOMERS) {
      if (await m.existsBy(Customer, { id: c.id })) continue;
      const idKind = classifyIdNumber(c.idNumber);
      if (!idKind) throw new Error(`seed customer ${c.id} has an invalid ID number`);
      await m.insert(Customer, {
        id: c.id,
        kind: customerKindOf(idKind),
        idKind,
        idNumber: c.idNumber,
        name: c.name,
        email: c.email,
        phone: c.phone,
        homeBranchId: c.homeBranchId,
        version: 1,
      });
      counts.customers += 1;
    }
    for (const k of SEED_KIOSKS) {
      if (await m.existsBy(Kiosk, { id: k.id })) continue;
      await m.insert(Kiosk, { ...k, active: true });
    }
    return counts;
  });
}
