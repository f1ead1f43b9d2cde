import { StorageMedium } from '@app/contracts';
import type { DnAttribute } from '@app/domain';
import type { ParsedCsr } from '@app/pki';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import type { IssuanceRequest } from '@app/api/ca/issuance-request';
import { randomUUID } from 'node:crypto';

/** The seeded customer whose certificates the CA suites and benchmarks issue. */
export const ISSUANCE_CUSTOMER = SEED_CUSTOMERS[0];

/** The FXML subject the RA assigns, one attribute per RDN, as in SPEC.md. */
export function fxmlSubject(idNumber = ISSUANCE_CUSTOMER.idNumber, bankUnit = '0060000-測試銀行'): DnAttribute[] {
  return [
    { type: 'C', value: 'TW' },
    { type: 'O', value: 'Finance' },
    { type: 'OU', value: bankUnit },
    { type: 'OU', value: 'FXML' },
    { type: 'CN', value: `${idNumber}-00-261124` },
  ];
}

/** An issuance request for the seeded customer's PC certificate; override what a case is about. */
export function issuanceRequest(csr: ParsedCsr, overrides: Partial<IssuanceRequest> = {}): IssuanceRequest {
  return {
    requestId: randomUUID(),
    customerId: ISSUANCE_CUSTOMER.id,
    branchId: SEED_BRANCH_IDS.HEAD_OFFICE,
    applicationId: null,
    predecessorId: null,
    tokenId: null,
    medium: StorageMedium.PC,
    usage: 'SIGNING',
    subject: fxmlSubject(),
    csr,
    ...overrides,
  };
}
