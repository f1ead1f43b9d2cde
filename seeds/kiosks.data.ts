import { SEED_BRANCH_IDS } from './branches.data';

/**
 * Demo kiosks: two per branch, fixed ids so seeding is idempotent. The code is what each agent's
 * config names. The head office has also registered one customer's own computer, whose agent runs
 * in personal mode: the PC medium (keys in the computer's store, backups, token copies) is offered
 * there only. Its store is that customer's, so a shared branch machine never runs in personal mode.
 */
export interface SeedKiosk {
  readonly id: string;
  readonly code: string;
  readonly branchId: string;
  readonly name: string;
  readonly mode: 'KIOSK' | 'PERSONAL';
}

export const SEED_KIOSKS: readonly SeedKiosk[] = [
  {
    id: '00000000-0000-4000-8000-000000000a01',
    code: 'K0060000-01',
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    name: '營業部 自助憑證機 1',
    mode: 'KIOSK',
  },
  {
    id: '00000000-0000-4000-8000-000000000a02',
    code: 'K0060000-02',
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    name: '營業部 櫃檯憑證電腦',
    mode: 'KIOSK',
  },
  {
    id: '00000000-0000-4000-8000-000000000a03',
    code: 'K0060123-01',
    branchId: SEED_BRANCH_IDS.TAICHUNG,
    name: '台中分行 自助憑證機 1',
    mode: 'KIOSK',
  },
  {
    id: '00000000-0000-4000-8000-000000000a04',
    code: 'K0060123-02',
    branchId: SEED_BRANCH_IDS.TAICHUNG,
    name: '台中分行 櫃檯憑證電腦',
    mode: 'KIOSK',
  },
  {
    id: '00000000-0000-4000-8000-000000000a05',
    code: 'K0060000-P1',
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    name: '營業部 登記之客戶自有電腦 1',
    mode: 'PERSONAL',
  },
];
