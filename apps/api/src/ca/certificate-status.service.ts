import { CertificateStatus, DomainError, RevocationReason } from '@app/contracts';
import { assertCertificateTransition, type ActorChannel } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Certificate } from '../certificate/certificate.entity';
import type { RequestContext } from '../common/request-context';
import { lockFor } from '../database/row-lock';
import { CrlPublisher } from './crl.publisher';

/**
 * The CA's state changes and their CRL effect: hold (suspend), release (unsuspend: the entry leaves
 * the next CRL), revoke (final, with reason). Who may ask for which is decided by the callers; the
 * state machine of libs/domain decides what may follow what, and that only a counter may release.
 */
@Injectable()
export class CertificateStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly crl: CrlPublisher,
  ) {}

  suspend(ctx: RequestContext, id: string, channel: ActorChannel): Promise<Certificate> {
    return this.change(ctx, id, CertificateStatus.SUSPENDED, channel, null);
  }

  unsuspend(ctx: RequestContext, id: string, channel: ActorChannel): Promise<Certificate> {
    return this.change(ctx, id, CertificateStatus.ACTIVE, channel, null);
  }

  revoke(ctx: RequestContext, id: string, reason: RevocationReason, channel: ActorChannel): Promise<Certificate> {
    return this.change(ctx, id, CertificateStatus.REVOKED, channel, reason);
  }

  private async change(
    ctx: RequestContext,
    id: string,
    to: CertificateStatus,
    channel: ActorChannel,
    reason: RevocationReason | null,
  ): Promise<Certificate> {
    const updated = await this.dataSource.transaction(async (m) => {
      const c = await m.getRepository(Certificate).findOne({ where: { id }, lock: lockFor(this.dataSource) });
      if (!c) throw new DomainError('CERTIFICATE_NOT_FOUND');
      assertCertificateTransition(c.status, to, { channel });
      const before = { status: c.status };
      c.status = to;
      c.revocationReason = to === CertificateStatus.REVOKED ? (reason ?? RevocationReason.UNSPECIFIED) : null;
      c.statusChangedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      await m.save(c);
      await this.audit.record(m, ctx, {
        action: `CERTIFICATE_${to}`,
        targetType: 'Certificate',
        targetId: c.id,
        before,
        after: { status: to, reason: c.revocationReason, channel },
      });
      return c;
    });
    await this.crl.publish();
    return updated;
  }
}
