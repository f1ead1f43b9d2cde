import { DomainError } from '@app/contracts';
import { ActorChannel } from '@app/domain';
import { proofSheetDocument, renderPdf } from '@app/pdf';
import { parseName, readCertificate } from '@app/pki';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Branch } from '../branch/branch.entity';
import { Certificate } from '../certificate/certificate.entity';
import { assertInBranch } from '../common/branch-scope';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';

/**
 * Prints 憑證證明單 from the issued certificate itself: DNs, validity and fingerprint come from its
 * DER, so the sheet shows what the customer's software shows. Every print is audited.
 */
@Injectable()
export class ProofSheetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** At the counter: any certificate of the teller's branch. */
  async print(ctx: RequestContext, certificateId: string): Promise<{ pdf: Buffer; serialHex: string }> {
    const certificate = await this.dataSource.getRepository(Certificate).findOneBy({ id: certificateId });
    if (!certificate) throw new DomainError('CERTIFICATE_NOT_FOUND');
    assertInBranch(ctx, certificate.branchId);
    return this.printFor(ctx, certificate, ActorChannel.COUNTER);
  }

  /**
   * Renders and audits the sheet of a certificate the caller may print (the kiosk checks it is the
   * customer's own). The event carries the certificate's branch (also for an admin or a kiosk), so its daily
   * reconciliation counts kiosk prints as well. CA_ISSUING while it is still PENDING.
   */
  async printFor(
    ctx: RequestContext,
    certificate: Certificate,
    channel: ActorChannel,
  ): Promise<{ pdf: Buffer; serialHex: string }> {
    if (!certificate.der) throw new DomainError('CA_ISSUING');
    const der = new Uint8Array(certificate.der);
    const info = readCertificate(der);
    const branch = await this.dataSource.getRepository(Branch).findOneByOrFail({ id: certificate.branchId });
    const pdf = await renderPdf(
      proofSheetDocument({
        bankName: this.env.BANK_NAME,
        branchName: branch.name,
        commonName: certificate.commonName,
        subjectDn: parseName(info.subject).display,
        issuerDn: parseName(info.issuer).display,
        serialHex: info.serial,
        usage: certificate.usage,
        notBefore: info.notBefore,
        notAfter: info.notAfter,
        status: certificate.status,
        medium: certificate.medium,
        sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
        printedAt: new Date(),
      }),
    );
    await this.dataSource.transaction((m) =>
      this.audit.record(m, ctx, {
        action: 'CERTIFICATE_PROOF_SHEET_PRINTED',
        targetType: 'Certificate',
        targetId: certificate.id,
        branchCode: branch.code,
        after: { serialHex: info.serial, commonName: certificate.commonName, status: certificate.status, channel },
      }),
    );
    return { pdf, serialHex: info.serial };
  }
}
