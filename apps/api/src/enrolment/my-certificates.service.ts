import { DomainError } from '@app/contracts';
import { ActorChannel } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CertificateStatusService } from '../ca/certificate-status.service';
import { Certificate } from '../certificate/certificate.entity';
import type { RequestContext } from '../common/request-context';
import type { CustomerSession } from '../customer-session/customer-session.service';
import { ProofSheetService } from '../document/proof-sheet.service';
import { scopeOf } from './enrolment.service';

/**
 * What a customer does with their own certificates at the kiosk: list them, hold one, print its
 * proof sheet. Every certificate is checked to be the session customer's: another's is ACCESS_DENIED.
 */
@Injectable()
export class MyCertificatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly status: CertificateStatusService,
    private readonly proofSheets: ProofSheetService,
  ) {}

  /** The session's certificates: all of the customer's, or the application's for an enrolment session. */
  list(session: CustomerSession): Promise<Certificate[]> {
    return this.dataSource
      .getRepository(Certificate)
      .find({ where: scopeOf(session), order: { createdAt: 'DESC', usage: 'DESC' } });
  }

  /**
   * 線上暫禁: holds the customer's own certificate at once (the CRL and OCSP show certificateHold).
   * Only a teller releases it. CONFIRM_REQUIRED without `confirm`, ACCESS_DENIED for another's.
   */
  async suspend(ctx: RequestContext, session: CustomerSession, id: string, confirm: boolean): Promise<Certificate> {
    if (!confirm) throw new DomainError('CONFIRM_REQUIRED');
    await this.own(session, id);
    return this.status.suspend(ctx, id, ActorChannel.KIOSK);
  }

  /** 憑證證明單 of the customer's own certificate, drawn from its DER like the counter's; audited. */
  async proofSheet(
    ctx: RequestContext,
    session: CustomerSession,
    id: string,
  ): Promise<{ pdf: Buffer; serialHex: string }> {
    return this.proofSheets.printFor(ctx, await this.own(session, id), ActorChannel.KIOSK);
  }

  /** The certificate if it is the session customer's; CERTIFICATE_NOT_FOUND or ACCESS_DENIED (80070005) otherwise. */
  async own(session: CustomerSession, id: string): Promise<Certificate> {
    const certificate = await this.dataSource.getRepository(Certificate).findOneBy({ id });
    if (!certificate) throw new DomainError('CERTIFICATE_NOT_FOUND');
    if (certificate.customerId !== session.customerId) throw new DomainError('ACCESS_DENIED');
    if (session.scope === 'enrolment' && certificate.applicationId !== session.applicationId) {
      throw new DomainError('ACCESS_DENIED');
    }
    return certificate;
  }
}
