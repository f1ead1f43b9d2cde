import { CertificateStatus, CertificateUsage, DomainError, type TokenType } from '@app/contracts';
import { toGregorianDate } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { IssuanceService } from '../ca/issuance.service';
import { Certificate } from '../certificate/certificate.entity';
import type { RequestContext } from '../common/request-context';
import { CertificateChallengeService, type ChallengeAnswer } from '../customer-session/certificate-challenge.service';
import type { CustomerSession } from '../customer-session/customer-session.service';
import { lockFor } from '../database/row-lock';
import { Token } from '../token/token.entity';
import { checkCsrPair, type CsrPair } from './csr-pair';
import { pairRequestIds } from './enrolment.service';
import { MyCertificatesService } from './my-certificates.service';
import { renewalOpensAt } from './renewal-window';
import { TOKEN_CAPACITY } from './token-binding';

export interface RenewCommand {
  /** The signing certificate being renewed: its key signs the renewal challenge. */
  readonly certificateId: string;
  readonly signingCsr: string;
  readonly encryptionCsr: string;
  readonly proof: ChallengeAnswer;
  readonly requestId: string;
}

/** Room on the token for the new pair: the page warns and offers cleanup when it is short. */
export interface TokenRoom {
  readonly tokenSerial: string;
  readonly capacity: number;
  /** The customer's certificates on the token that still count (pending, issued, active, held). */
  readonly live: number;
  /** Revoked or expired ones that may still sit on the token until the customer deletes them. */
  readonly ended: number;
}

export interface RenewedPair {
  readonly certificates: readonly Certificate[];
  readonly tokenRoom: TokenRoom | null;
}

const LIVE: readonly CertificateStatus[] = [
  CertificateStatus.PENDING,
  CertificateStatus.ISSUED,
  CertificateStatus.ACTIVE,
  CertificateStatus.SUSPENDED,
];

/**
 * 憑證更新: a new key pair for each usage, asked for within the month before the signing
 * certificate expires and signed (a `renew` challenge) with its key. The new requests keep the
 * subject, medium and token, point at their predecessors, and the old pair stays valid until it expires.
 */
@Injectable()
export class RenewalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuance: IssuanceService,
    private readonly challenges: CertificateChallengeService,
    private readonly mine: MyCertificatesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Throws ACCESS_DENIED for another's certificate, FIELD_INVALID for an encryption certificate,
   * CERTIFICATE_NOT_USABLE `{ status }` unless ACTIVE, CERT_NOT_RENEWABLE_YET `{ opensOn }` before
   * the window, CERTIFICATE_ALREADY_RENEWED, the CSR checks' codes, CERTIFICATE_PROOF_FAILED. A
   * repeated `requestId` with the same keys returns the first answer without a new proof.
   */
  async renew(ctx: RequestContext, session: CustomerSession, cmd: RenewCommand): Promise<RenewedPair> {
    const old = await this.mine.own(session, cmd.certificateId);
    const csrs = await checkCsrPair(cmd.signingCsr, cmd.encryptionCsr, old.commonName);
    const replay = await this.replayOf(cmd.requestId, old, csrs);
    if (replay) return { certificates: replay, tokenRoom: await this.roomOn(this.dataSource.manager, old) };
    this.assertRenewable(old);
    const proven = await this.challenges.prove(ctx, cmd.proof, 'RENEW');
    if (proven.id !== old.id) throw new DomainError('CERTIFICATE_PROOF_FAILED');

    const certificates = await this.dataSource.transaction(async (m) => {
      const locked = await m
        .getRepository(Certificate)
        .findOneOrFail({ where: { id: old.id }, lock: lockFor(this.dataSource) });
      this.assertRenewable(locked);
      if (await m.existsBy(Certificate, { predecessorId: locked.id, status: Not(CertificateStatus.REVOKED) })) {
        throw new DomainError('CERTIFICATE_ALREADY_RENEWED');
      }
      const partner = await this.encryptionPartner(m, locked);
      const ids = pairRequestIds(cmd.requestId);
      const made: Certificate[] = [];
      for (const [usage, csr, predecessor] of [
        [CertificateUsage.SIGNING, csrs.signing, locked],
        [CertificateUsage.ENCRYPTION, csrs.encryption, partner],
      ] as const) {
        made.push(
          await this.issuance.request(m, ctx, {
            requestId: ids[usage],
            customerId: locked.customerId,
            branchId: locked.branchId,
            applicationId: locked.applicationId,
            predecessorId: predecessor?.id ?? null,
            tokenId: locked.tokenId,
            medium: locked.medium,
            usage,
            subject: locked.subject ?? [],
            csr,
          }),
        );
      }
      await this.audit.record(m, ctx, {
        action: 'CERTIFICATES_RENEWAL_REQUESTED',
        targetType: 'Certificate',
        targetId: locked.id,
        after: {
          customerId: locked.customerId,
          predecessors: [locked.serialHex, partner?.serialHex ?? null],
          serials: made.map((c) => c.serialHex),
        },
      });
      return made;
    });
    return { certificates, tokenRoom: await this.roomOn(this.dataSource.manager, old) };
  }

  private assertRenewable(c: Certificate): void {
    if (c.usage !== CertificateUsage.SIGNING) throw new DomainError('FIELD_INVALID', { field: 'certificateId' });
    if (c.status !== CertificateStatus.ACTIVE || !c.notAfter) {
      throw new DomainError('CERTIFICATE_NOT_USABLE', { status: c.status });
    }
    const now = Date.now();
    if (c.notAfter.getTime() <= now)
      throw new DomainError('CERTIFICATE_NOT_USABLE', { status: CertificateStatus.EXPIRED });
    const opens = renewalOpensAt(c.notAfter);
    if (now < opens.getTime()) throw new DomainError('CERT_NOT_RENEWABLE_YET', { opensOn: toGregorianDate(opens) });
  }

  /** The encryption certificate issued with `signing` (same application and name), if it is still live. */
  private async encryptionPartner(m: EntityManager, signing: Certificate): Promise<Certificate | null> {
    const candidates = await m.getRepository(Certificate).find({
      where: {
        customerId: signing.customerId,
        commonName: signing.commonName,
        usage: CertificateUsage.ENCRYPTION,
        status: In([CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, CertificateStatus.ISSUED]),
      },
      order: { createdAt: 'DESC' },
    });
    return candidates.find((c) => c.applicationId === signing.applicationId) ?? null;
  }

  private async roomOn(m: EntityManager, c: Certificate): Promise<TokenRoom | null> {
    if (!c.tokenId) return null;
    const token = await m.getRepository(Token).findOneBy({ id: c.tokenId });
    if (!token) return null;
    const onToken = await m.getRepository(Certificate).find({ where: { tokenId: token.id, customerId: c.customerId } });
    const live = onToken.filter((x) => LIVE.includes(x.status)).length;
    return {
      tokenSerial: token.serial,
      capacity: TOKEN_CAPACITY[token.type as TokenType],
      live,
      ended: onToken.length - live,
    };
  }

  private async replayOf(requestId: string, old: Certificate, csrs: CsrPair): Promise<Certificate[] | null> {
    const ids = pairRequestIds(requestId);
    const rows = await this.dataSource.getRepository(Certificate).findBy({ requestId: In(Object.values(ids)) });
    if (!rows.length) return null;
    const signing = rows.find((c) => c.requestId === ids.SIGNING);
    const encryption = rows.find((c) => c.requestId === ids.ENCRYPTION);
    const same =
      signing?.predecessorId === old.id &&
      encryption?.customerId === old.customerId &&
      signing.publicKey?.equals(Buffer.from(csrs.signing.publicKey)) &&
      encryption.publicKey?.equals(Buffer.from(csrs.encryption.publicKey));
    if (!same) throw new DomainError('REQUEST_ID_REUSED');
    return [signing, encryption];
  }
}
