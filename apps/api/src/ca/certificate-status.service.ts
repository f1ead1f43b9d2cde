import { CertificateStatus, DomainError, RevocationReason } from '@app/contracts';
import { ActorChannel, assertCertificateTransition } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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

  /**
   * Marks certificates past their notAfter as EXPIRED (oldest first, `limit` per call; SKIP LOCKED
   * lets several API processes sweep at once). Expired certificates leave the CRL (RFC 5280
   * §3.3 allows it), so a new one is published when a held certificate expires.
   */
  async expireDue(ctx: RequestContext, now = new Date(), limit = 500): Promise<number> {
    const live = [CertificateStatus.ISSUED, CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED];
    const { count, heldExpired } = await this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .where('c.status IN (:...live)', { live })
        .andWhere('c.notAfter <= :now', { now })
        .orderBy('c.notAfter', 'ASC')
        .take(limit);
      if (this.dataSource.options.type !== 'sqljs') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
      const due = await qb.getMany();
      for (const c of due) {
        assertCertificateTransition(c.status, CertificateStatus.EXPIRED, { channel: ActorChannel.SYSTEM });
        await m.update(Certificate, { id: c.id }, { status: CertificateStatus.EXPIRED, statusChangedAt: now });
        await this.audit.record(m, ctx, {
          action: 'CERTIFICATE_EXPIRED',
          targetType: 'Certificate',
          targetId: c.id,
          before: { status: c.status },
          after: { status: CertificateStatus.EXPIRED, notAfter: c.notAfter?.toISOString() ?? null },
        });
      }
      return { count: due.length, heldExpired: due.some((c) => c.status === CertificateStatus.SUSPENDED) };
    });
    if (heldExpired) await this.crl.publish();
    return count;
  }

  /**
   * The same change inside the caller's transaction, for callers that change more than one thing
   * at once (a lost token holds all its certificates; an approval and its unsuspend commit
   * together). The caller publishes the CRL once after the commit: `this.crl.publish()`.
   */
  async changeWithin(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    to: CertificateStatus,
    channel: ActorChannel,
    reason: RevocationReason | null = null,
  ): Promise<Certificate> {
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
  }

  private async change(
    ctx: RequestContext,
    id: string,
    to: CertificateStatus,
    channel: ActorChannel,
    reason: RevocationReason | null,
  ): Promise<Certificate> {
    const updated = await this.dataSource.transaction((m) => this.changeWithin(m, ctx, id, to, channel, reason));
    await this.crl.publish();
    return updated;
  }
}
