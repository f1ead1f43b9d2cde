import type { CertificateUsage, StorageMedium } from '@app/contracts';
import type { DnAttribute } from '@app/domain';
import type { ParsedCsr } from '@app/pki';

/** What the RA asks the CA to certify; the subject is the RA's, the key is the validated CSR's. */
export interface IssuanceRequest {
  /** Idempotency key: repeating a request returns the same certificate. */
  readonly requestId: string;
  readonly customerId: string;
  readonly branchId: string;
  readonly applicationId: string | null;
  readonly predecessorId: string | null;
  readonly tokenId: string | null;
  readonly medium: StorageMedium;
  readonly usage: CertificateUsage;
  readonly subject: readonly DnAttribute[];
  readonly csr: ParsedCsr;
}
