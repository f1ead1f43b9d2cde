import { ApplicationStatus, CertificateStatus, DomainError } from '@app/contracts';
import { assertApplicationTransition, formatDn } from '@app/domain';
import { issueCertificate, randomSerial, type EndEntityProfile } from '@app/pki';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { DataSource, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { CounterApplication } from '../application/counter-application.entity';
import { AuditService } from '../audit/audit.service';
import { Certificate } from '../certificate/certificate.entity';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import { CaState } from './ca-state';
import type { IssuanceRequest } from './issuance-request';

const DAY = 24 * 3600_000;

/**
 * Issuance in two steps, so that a crash at any point loses nothing and signs nothing twice:
 * 1. `request` commits a PENDING row with its serial, validity, subject and key — before any signing;
 * 2. `signPending` (the worker) locks pending rows (SKIP LOCKED: other API processes take others),
 *    signs, and stores the certificate in the same transaction. A crash before the commit leaves
 *    the row PENDING; signing it again gives the very same certificate (same TBS, deterministic
 *    RSA PKCS#1 v1.5), so no second certificate can exist for one row.
 */
@Injectable()
export class IssuanceService {
  private readonly logger = new Logger('Issuance');

  constructor(
    private readonly dataSource: DataSource,
    private readonly state: CaState,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Commits the PENDING row (in the caller's transaction); a repeated request id returns the first row. */
  async request(m: EntityManager, ctx: RequestContext, req: IssuanceRequest): Promise<Certificate> {
    const existing = await m.getRepository(Certificate).findOneBy({ requestId: req.requestId });
    if (existing) {
      if (!existing.publicKey?.equals(Buffer.from(req.csr.publicKey)) || existing.usage !== req.usage) {
        throw new DomainError('REQUEST_ID_REUSED');
      }
      return existing;
    }
    const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000);
    const cn = req.subject.find((a) => a.type === 'CN')?.value ?? '';
    for (let attempt = 0; ; attempt += 1) {
      const certificate = m.create(Certificate, {
        id: randomUUID(),
        serialHex: randomSerial(),
        subjectDn: formatDn(req.subject),
        subject: [...req.subject],
        commonName: cn,
        usage: req.usage,
        notBefore,
        notAfter: new Date(notBefore.getTime() + this.env.CERT_VALIDITY_DAYS * DAY),
        medium: req.medium,
        tokenId: req.tokenId,
        customerId: req.customerId,
        applicationId: req.applicationId,
        predecessorId: req.predecessorId,
        branchId: req.branchId,
        status: CertificateStatus.PENDING,
        revocationReason: null,
        statusChangedAt: new Date(),
        requestId: req.requestId,
        publicKey: Buffer.from(req.csr.publicKey),
        der: null,
      });
      try {
        await m.insert(Certificate, certificate);
      } catch (error) {
        // A 128-bit serial collision is all but impossible; a unique key still has the last word.
        if (isUniqueViolation(error) && attempt < 3 && !(await m.existsBy(Certificate, { requestId: req.requestId })))
          continue;
        throw error;
      }
      await this.audit.record(m, ctx, {
        action: 'CERTIFICATE_REQUESTED',
        targetType: 'Certificate',
        targetId: certificate.id,
        after: { serial: certificate.serialHex, usage: certificate.usage, subject: certificate.subjectDn },
      });
      return certificate;
    }
  }

  /** Signs up to `limit` pending requests older than CA_ISSUE_DELAY_MS; returns how many it issued. */
  async signPending(limit = 20): Promise<number> {
    if (!this.state.ready) return 0;
    const cutoff = new Date(Date.now() - this.env.CA_ISSUE_DELAY_MS);
    return this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .where('c.status = :pending', { pending: CertificateStatus.PENDING })
        .andWhere({ createdAt: LessThanOrEqual(cutoff) })
        .orderBy('c.createdAt', 'ASC')
        .take(limit);
      if (this.dataSource.options.type !== 'sqljs') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
      const pending = await qb.getMany();
      // Signatures run on the thread pool side by side; storing stays one row at a time in this transaction.
      const signed = await Promise.all(pending.map(async (c) => ({ c, der: await this.sign(c) })));
      for (const { c, der } of signed) await this.store(m, c, der);
      const applications = new Set(pending.map((c) => c.applicationId).filter((id): id is string => id !== null));
      for (const id of applications) await this.markApplicationIssued(m, id);
      return pending.length;
    });
  }

  private sign(c: Certificate): Promise<Uint8Array> {
    return issueCertificate({
      publicKey: new Uint8Array(c.publicKey!),
      subject: c.subject!,
      usage: c.usage,
      serial: c.serialHex,
      notBefore: c.notBefore!,
      notAfter: c.notAfter!,
      profile: this.profile(),
      issuer: this.state.ca.issuer,
    });
  }

  private async store(m: EntityManager, c: Certificate, der: Uint8Array): Promise<void> {
    await this.beforeStore(c, der);
    await m.update(
      Certificate,
      { id: c.id, status: CertificateStatus.PENDING },
      { status: CertificateStatus.ISSUED, der: Buffer.from(der), statusChangedAt: new Date() },
    );
    await this.audit.record(m, systemContext(), {
      action: 'CERTIFICATE_ISSUED',
      targetType: 'Certificate',
      targetId: c.id,
      before: { status: CertificateStatus.PENDING },
      after: { status: CertificateStatus.ISSUED, serial: c.serialHex },
    });
    this.logger.debug(`issued ${c.serialHex}`);
  }

  /**
   * 已發證: once nothing of an APPLIED application's own pair is pending any more, the application
   * waits for the customer's download. Renewals (with a predecessor) leave the application alone.
   */
  private async markApplicationIssued(m: EntityManager, applicationId: string): Promise<void> {
    const application = await m
      .getRepository(CounterApplication)
      .findOne({ where: { id: applicationId }, lock: lockFor(this.dataSource) });
    if (application?.status !== ApplicationStatus.APPLIED) return;
    const pair = await m.getRepository(Certificate).findBy({ applicationId, predecessorId: IsNull() });
    if (pair.some((c) => c.status === CertificateStatus.PENDING)) return;
    assertApplicationTransition(application.status, ApplicationStatus.ISSUED);
    application.status = ApplicationStatus.ISSUED;
    application.statusChangedAt = new Date();
    await m.save(application);
    await this.audit.record(m, systemContext(), {
      action: 'APPLICATION_ISSUED',
      targetType: 'CounterApplication',
      targetId: application.id,
      before: { status: ApplicationStatus.APPLIED },
      after: { status: ApplicationStatus.ISSUED },
    });
  }

  /**
   * Between signing and storing: the seam where the crash-safety tests stop the process. With
   * NODE_ENV=test and ISSUANCE_TEST_PAUSE_FILE set, the worker writes the signed certificate there
   * and waits for ever, so that a test can kill the process at exactly this point.
   */
  protected async beforeStore(_certificate: Certificate, der: Uint8Array): Promise<void> {
    const pauseFile = this.env.NODE_ENV === 'test' ? this.env.ISSUANCE_TEST_PAUSE_FILE : undefined;
    if (!pauseFile) return;
    writeFileSync(pauseFile, der);
    await new Promise<never>(() => undefined);
  }

  private profile(): EndEntityProfile {
    const base = this.env.PKI_BASE_URL;
    return {
      policyOids: [this.env.CERT_POLICY_OID],
      crlUrls: [`${base}/crl`],
      ocspUrls: [`${base}/ocsp`],
      caIssuersUrls: [`${base}/ca.crt`],
    };
  }
}

/** The CA's own actions in the audit trail. */
export function systemContext(): RequestContext {
  return { requestId: randomUUID(), clientIp: null, locale: 'zh-TW', staff: null };
}
