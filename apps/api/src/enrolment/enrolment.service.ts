import { ApplicationStatus, CertificateStatus, CertificateUsage, DomainError } from '@app/contracts';
import {
  ActorChannel,
  assertApplicationTransition,
  assertCertificateTransition,
  buildSubjectDn,
  DEFAULT_DN_TEMPLATE,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { ApplicationPasswordService } from '../application/application-password.service';
import { ApplicationTicketService } from '../application/application-ticket.service';
import { CounterApplication } from '../application/counter-application.entity';
import { AuditService } from '../audit/audit.service';
import { Branch } from '../branch/branch.entity';
import { IssuanceService } from '../ca/issuance.service';
import { Certificate } from '../certificate/certificate.entity';
import { asCustomer, type RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import type { CustomerSession } from '../customer-session/customer-session.service';
import { lockFor } from '../database/row-lock';
import type { Token } from '../token/token.entity';
import { checkCsrPair, type CsrPair } from './csr-pair';
import { TERMS_OF_USE } from './terms-of-use';
import { tokenForKeys } from './token-binding';

export interface ApplyCommand {
  readonly ticket: string;
  readonly tokenSerial?: string | null;
  readonly signingCsr: string;
  readonly encryptionCsr: string;
  readonly requestId: string;
  readonly acceptedTermsVersion: string;
}

export interface AppliedPair {
  readonly application: CounterApplication;
  readonly certificates: readonly Certificate[];
}

/** The idempotency keys of the two rows one apply or renew request makes. */
export function pairRequestIds(requestId: string): Record<CertificateUsage, string> {
  return { SIGNING: `${requestId}:S`, ENCRYPTION: `${requestId}:E` };
}

/**
 * The kiosk's enrolment: the customer's two requests in for an application opened with its
 * password, and the issued pair out to the token or computer that holds the keys.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: ApplicationTicketService,
    private readonly passwords: ApplicationPasswordService,
    private readonly issuance: IssuanceService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Checks both requests against the application, then in one transaction: the PENDING signing and
   * encryption requests, the application APPLIED, its password spent, the audit event with the terms
   * version accepted. A repeated `requestId` with the same keys returns the first answer, even though
   * the ticket's password is spent by then; with other keys REQUEST_ID_REUSED.
   */
  async apply(ctx: RequestContext, cmd: ApplyCommand): Promise<AppliedPair> {
    const { applicationId, passwordId } = await this.tickets.read(cmd.ticket);
    if (cmd.acceptedTermsVersion !== TERMS_OF_USE.version) {
      throw new DomainError('TERMS_NOT_ACCEPTED', { version: TERMS_OF_USE.version });
    }
    const application = await this.dataSource.getRepository(CounterApplication).findOneBy({ id: applicationId });
    if (!application) throw new DomainError('APPLICATION_TICKET_INVALID');
    const csrs = await checkCsrPair(cmd.signingCsr, cmd.encryptionCsr, application.commonName);

    return this.dataSource.transaction(async (m) => {
      const locked = await m
        .getRepository(CounterApplication)
        .findOneOrFail({ where: { id: applicationId }, lock: lockFor(this.dataSource) });
      const replay = await this.replayOf(m, cmd.requestId, locked, csrs);
      if (replay) return { application: locked, certificates: replay };
      if (locked.status !== ApplicationStatus.NOTICE_PRINTED) {
        throw new DomainError('APPLICATION_NOT_OPEN', { status: locked.status });
      }
      // Before anything is written: a spent or replaced password ends the ticket here.
      if (!(await this.passwords.isLive(applicationId, passwordId)))
        throw new DomainError('APPLICATION_TICKET_INVALID');
      const token = await tokenForKeys(m, locked.medium, cmd.tokenSerial?.trim(), locked.customerId);
      const certificates = await this.requestPair(m, ctx, locked, token, csrs, cmd.requestId);
      assertApplicationTransition(locked.status, ApplicationStatus.APPLIED);
      const before = { status: locked.status };
      locked.status = ApplicationStatus.APPLIED;
      locked.statusChangedAt = new Date();
      await m.save(locked);
      await this.passwords.markUsed(m, applicationId, passwordId);
      await this.audit.record(m, asCustomer(ctx, locked.customerId), {
        action: 'APPLICATION_APPLIED',
        targetType: 'CounterApplication',
        targetId: locked.id,
        before,
        after: {
          status: locked.status,
          customerId: locked.customerId,
          termsVersion: TERMS_OF_USE.version,
          tokenSerial: token?.serial ?? null,
          serials: certificates.map((c) => c.serialHex),
        },
      });
      return { application: locked, certificates };
    });
  }

  /**
   * The signing and encryption requests of an application, PENDING at the CA, in the caller's
   * transaction: the subject from the DN template with the branch code, cert type and the
   * application's CN; medium and token of the keys. The apply and the FEDI conversion both queue
   * their pair here, so the two cannot drift apart.
   */
  async requestPair(
    m: EntityManager,
    ctx: RequestContext,
    application: CounterApplication,
    token: Token | null,
    csrs: CsrPair,
    requestId: string,
  ): Promise<Certificate[]> {
    const branch = await m.getRepository(Branch).findOneByOrFail({ id: application.branchId });
    const subject = buildSubjectDn(DEFAULT_DN_TEMPLATE, {
      bankCode: branch.code,
      bankName: this.env.BANK_NAME,
      certType: application.certType,
      cn: application.commonName,
    });
    const ids = pairRequestIds(requestId);
    const certificates: Certificate[] = [];
    for (const usage of [CertificateUsage.SIGNING, CertificateUsage.ENCRYPTION] as const) {
      certificates.push(
        await this.issuance.request(m, ctx, {
          requestId: ids[usage],
          customerId: application.customerId,
          branchId: application.branchId,
          applicationId: application.id,
          predecessorId: null,
          tokenId: token?.id ?? null,
          medium: application.medium,
          usage,
          subject,
          csr: usage === CertificateUsage.SIGNING ? csrs.signing : csrs.encryption,
        }),
      );
    }
    return certificates;
  }

  /**
   * The issued certificates of the session's scope, to be installed next to their keys. Throws
   * CA_ISSUING (6025) while any request of the scope is PENDING, NOTHING_TO_DOWNLOAD (6036) when
   * nothing is ISSUED, PRIVATE_KEY_NOT_FOUND (80092004) when `publicKeys` (the SPKIs the token or
   * computer holds) is given and none of the issued certificates certifies one of them.
   */
  async download(session: CustomerSession, publicKeys: readonly Uint8Array[] | null): Promise<Certificate[]> {
    const waiting = await this.dataSource.getRepository(Certificate).find({
      where: { ...scopeOf(session), status: In([CertificateStatus.PENDING, CertificateStatus.ISSUED]) },
      order: { createdAt: 'ASC', usage: 'DESC' },
    });
    if (waiting.some((c) => c.status === CertificateStatus.PENDING)) throw new DomainError('CA_ISSUING');
    if (!waiting.length) throw new DomainError('NOTHING_TO_DOWNLOAD');
    if (!publicKeys) return waiting;
    const held = publicKeys.map((k) => Buffer.from(k));
    const here = waiting.filter((c) => held.some((k) => c.publicKey?.equals(k)));
    if (!here.length) throw new DomainError('PRIVATE_KEY_NOT_FOUND');
    return here;
  }

  /**
   * The kiosk installed these certificates: ISSUED → ACTIVE, and an application whose every
   * certificate is installed → COMPLETED (through ISSUED, as the state machine has it). Repeating
   * it for certificates already ACTIVE changes nothing. ACCESS_DENIED for a certificate outside the
   * session's scope, CERTIFICATE_NOT_USABLE `{ status }` for one in another state.
   */
  async confirmInstalled(
    ctx: RequestContext,
    session: CustomerSession,
    ids: readonly string[],
  ): Promise<Certificate[]> {
    return this.dataSource.transaction(async (m) => {
      const rows = await m
        .getRepository(Certificate)
        .find({ where: { id: In([...ids]) }, lock: lockFor(this.dataSource), order: { createdAt: 'ASC' } });
      const scope = scopeOf(session);
      if (
        rows.length !== new Set(ids).size ||
        rows.some(
          (c) => c.customerId !== scope.customerId || (scope.applicationId && c.applicationId !== scope.applicationId),
        )
      ) {
        throw new DomainError('ACCESS_DENIED');
      }
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      for (const c of rows) {
        if (c.status === CertificateStatus.ACTIVE) continue;
        if (c.status !== CertificateStatus.ISSUED)
          throw new DomainError('CERTIFICATE_NOT_USABLE', { status: c.status });
        assertCertificateTransition(c.status, CertificateStatus.ACTIVE, { channel: ActorChannel.KIOSK });
        await m.update(
          Certificate,
          { id: c.id, status: CertificateStatus.ISSUED },
          { status: CertificateStatus.ACTIVE, statusChangedAt: now },
        );
        c.status = CertificateStatus.ACTIVE;
        await this.audit.record(m, ctx, {
          action: 'CERTIFICATE_INSTALLED',
          targetType: 'Certificate',
          targetId: c.id,
          before: { status: CertificateStatus.ISSUED },
          after: { status: CertificateStatus.ACTIVE, serial: c.serialHex, customerId: c.customerId },
        });
      }
      for (const applicationId of new Set(rows.map((c) => c.applicationId).filter((id): id is string => !!id))) {
        await this.completeIfInstalled(m, ctx, applicationId);
      }
      return rows;
    });
  }

  private async completeIfInstalled(m: EntityManager, ctx: RequestContext, applicationId: string): Promise<void> {
    const application = await m
      .getRepository(CounterApplication)
      .findOne({ where: { id: applicationId }, lock: lockFor(this.dataSource) });
    const open: string[] = [ApplicationStatus.APPLIED, ApplicationStatus.ISSUED];
    if (!application || !open.includes(application.status)) return;
    // Renewals keep the application id; only the pair the application itself made decides it.
    const own = await m.getRepository(Certificate).findBy({ applicationId, predecessorId: IsNull() });
    if (own.some((c) => c.status !== CertificateStatus.ACTIVE)) return;
    const before = { status: application.status };
    for (const next of [ApplicationStatus.ISSUED, ApplicationStatus.COMPLETED] as const) {
      if (application.status === next) continue;
      assertApplicationTransition(application.status, next);
      application.status = next;
    }
    application.statusChangedAt = new Date();
    await m.save(application);
    await this.audit.record(m, ctx, {
      action: 'APPLICATION_COMPLETED',
      targetType: 'CounterApplication',
      targetId: application.id,
      before,
      after: { status: application.status },
    });
  }

  /** The pair a request id already made for this application, or null; REQUEST_ID_REUSED when it does not fit. */
  async replayOf(
    m: EntityManager,
    requestId: string,
    application: CounterApplication,
    csrs: CsrPair,
  ): Promise<Certificate[] | null> {
    const ids = pairRequestIds(requestId);
    const rows = await m.getRepository(Certificate).find({ where: { requestId: In(Object.values(ids)) } });
    if (!rows.length) return null;
    const signing = rows.find((c) => c.requestId === ids.SIGNING);
    const encryption = rows.find((c) => c.requestId === ids.ENCRYPTION);
    const same =
      signing?.applicationId === application.id &&
      encryption?.applicationId === application.id &&
      signing.publicKey?.equals(Buffer.from(csrs.signing.publicKey)) &&
      encryption.publicKey?.equals(Buffer.from(csrs.encryption.publicKey));
    if (!same) throw new DomainError('REQUEST_ID_REUSED');
    return [signing, encryption];
  }
}

/** Which certificates a session may see: the application's for an enrolment session, the customer's otherwise. */
export function scopeOf(session: CustomerSession): { customerId: string; applicationId?: string } {
  return session.scope === 'enrolment' && session.applicationId
    ? { customerId: session.customerId, applicationId: session.applicationId }
    : { customerId: session.customerId };
}
