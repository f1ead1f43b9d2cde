import { StaffRole } from '@app/contracts';
import { SEED_BRANCH_IDS } from './branches.data';

/**
 * Demo staff: a teller, a supervisor and an admin per branch. `demoPassword` is for demo and test
 * databases only (the README lists them); the seed runner stores its hash, never the password.
 */
export interface SeedStaff {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly branchId: string;
  readonly demoPassword: string;
}

export const SEED_STAFF: readonly SeedStaff[] = [
  {
    id: '00000000-0000-4000-8000-000000000501',
    username: 'teller01',
    displayName: '陳雅惠',
    role: StaffRole.TELLER,
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    demoPassword: 'Teller01!demo',
  },
  {
    id: '00000000-0000-4000-8000-000000000502',
    username: 'supervisor01',
    displayName: '林國強',
    role: StaffRole.SUPERVISOR,
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    demoPassword: 'Supervisor01!demo',
  },
  {
    id: '00000000-0000-4000-8000-000000000503',
    username: 'admin01',
    displayName: '張志遠',
    role: StaffRole.ADMIN,
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    demoPassword: 'Admin01!demo',
  },
  {
    id: '00000000-0000-4000-8000-000000000504',
    username: 'teller02',
    displayName: '黃淑娟',
    role: StaffRole.TELLER,
    branchId: SEED_BRANCH_IDS.TAICHUNG,
    demoPassword: 'Teller02!demo',
  },
  {
    id: '00000000-0000-4000-8000-000000000505',
    username: 'supervisor02',
    displayName: '吳明德',
    role: StaffRole.SUPERVISOR,
    branchId: SEED_BRANCH_IDS.TAICHUNG,
    demoPassword: 'Supervisor02!demo',
  },
  {
    id: '00000000-0000-4000-8000-000000000506',
    username: 'admin02',
    displayName: '李佳蓉',
    role: StaffRole.ADMIN,
    branchId: SEED_BRANCH_IDS.TAICHUNG,
    demoPassword: 'Admin02!demo',
  },
];
