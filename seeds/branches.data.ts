/** Demo branches: bank 006, branch codes 0000 and 0123. Ids are fixed so seeding is idempotent. */
export interface SeedBranch {
  readonly id: string;
  /** Bank code (3 digits) + branch code (4 digits). */
  readonly code: string;
  readonly name: string;
}

export const SEED_BRANCH_IDS = {
  HEAD_OFFICE: '00000000-0000-4000-8000-000000000b01',
  TAICHUNG: '00000000-0000-4000-8000-000000000b02',
} as const;

export const SEED_BRANCHES: readonly SeedBranch[] = [
  { id: SEED_BRANCH_IDS.HEAD_OFFICE, code: '0060000', name: '營業部' },
  { id: SEED_BRANCH_IDS.TAICHUNG, code: '0060123', name: '台中分行' },
];
