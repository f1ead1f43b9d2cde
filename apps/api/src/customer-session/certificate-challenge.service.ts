import { CertificateStatus, DomainError } from '@app/contracts';
import { normalizeIdNumber } from '@app/domain';
import { createChallenge, verifyChallenge } from '@app/pki';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Certificate } from '../certificate/certificate.entity';
import { asCustomer, type RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { Customer } from '../customer/customer.entity';
import { lockFor } from '../database/row-lock';
import { CertificateChallenge } from './certificate-challenge.entity';
import type { ChallengePurpose } from './dto/customer-session.dto';

export const CHALLENGE_TTL_MS = 5 * 60_000;

/** Which certificate a challenge is for: its serial, or the customer's ID and the key the token holds. */
export interface ChallengeTarget {
  readonly serialHex?: string | null;
  readonly idNumber?: string | null;
  /** SubjectPublicKeyInfo DER, for a customer whose certificate is issued but not yet on the token. */
  readonly publicKey?: Uint8Array | null;
}

export interface IssuedChallenge {
  readonly id: string;
  readonly toBeSigned: Uint8Array;
  readonly expiresAt: Date;
  readonly serialHex: string;
}

export interface ChallengeAnswer {
  readonly challengeId: string;
  readonly toBeSigned: Uint8Array;
  readonly signature: Uint8Array;
}

/** The certificate statuses whose key may prove the customer. */
const PROVING: readonly CertificateStatus[] = [CertificateStatus.ISSUED, CertificateStatus.ACTIVE];

/**
 * What a stored challenge may be for: the customer's own certificate (SIGN_IN, RENEW) or, for the
 * online FEDI conversion, a legacy FEDI certificate recorded in fedi_conversions (its row id stands
 * where a certificate id stands otherwise). Not a GraphQL enum: no client asks for it by name.
 */
export type StoredPurpose = ChallengePurpose | 'FEDI_CONVERSION';

/** A spent challenge: the id it was bound to, or why it was refused. */
export type Spent =
  | { readonly ok: true; readonly subjectId: string }
  | { readonly ok: false; readonly reason: string; readonly subjectId: string | null };

type Verdict =
  { readonly ok: true; readonly certificate: Certificate } | { readonly ok: false; readonly error: DomainError };

/**
 * Proof of possession of a certificate's private key: a fresh challenge bound to one certificate
 * and one purpose, answered once within CHALLENGE_TTL_MS by a signature that verifies with the
 * certificate's public key. Failed proofs are audited and committed before the error is thrown.
 */
@Injectable()
export class CertificateChallengeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * A challenge for the certificate named by `target`. Throws CA_ISSUING when the key belongs to a
   * request the CA has not signed yet, CERTIFICATE_PROOF_FAILED when there is no such certificate
   * (the same answer for an unknown serial or ID, so neither can be probed), CERTIFICATE_NOT_USABLE
   * `{ status }` for a held, revoked or expired one.
   */
  async start(ctx: RequestContext, target: ChallengeTarget, purpose: ChallengePurpose): Promise<IssuedChallenge> {
    const certificate = await this.find(target);
    const issued = await this.startFor(ctx, certificate.id, purpose);
    return { ...issued, serialHex: certificate.serialHex };
  }

  /** A challenge bound to `subjectId` (a certificate, or a FEDI conversion row) for `purpose`. */
  async startFor(
    ctx: RequestContext,
    subjectId: string,
    purpose: StoredPurpose,
  ): Promise<Omit<IssuedChallenge, 'serialHex'>> {
    const challenge = createChallenge({
      purpose: `kiosk-${purpose.toLowerCase()}`,
      origin: this.env.KIOSK_PAGE_ORIGIN,
    });
    const now = new Date();
    const row = this.dataSource.getRepository(CertificateChallenge).create({
      id: randomUUID(),
      certificateId: subjectId,
      purpose,
      digest: digestOf(challenge.toBeSigned),
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      usedAt: null,
      clientIp: ctx.clientIp,
    });
    await this.dataSource.transaction(async (m) => {
      // Spent and stale challenges are worthless: clear them as new ones come in.
      await m.delete(CertificateChallenge, { expiresAt: LessThan(new Date(now.getTime() - CHALLENGE_TTL_MS)) });
      await m.insert(CertificateChallenge, row);
    });
    return { id: row.id, toBeSigned: challenge.toBeSigned, expiresAt: row.expiresAt };
  }

  /**
   * Checks an answer to a challenge of `purpose` and spends the challenge, right or wrong. Returns
   * the certificate that was proven; throws CERTIFICATE_PROOF_FAILED (unknown, expired, spent or
   * foreign challenge, bad signature) or CERTIFICATE_NOT_USABLE `{ status }`, after committing the
   * audit event of the failure.
   */
  async prove(ctx: RequestContext, answer: ChallengeAnswer, purpose: ChallengePurpose): Promise<Certificate> {
    const verdict = await this.dataSource.transaction((m) => this.check(m, ctx, answer, purpose));
    if (!verdict.ok) throw verdict.error;
    return verdict.certificate;
  }

  /**
   * Spends the challenge an answer names, in the caller's transaction, right or wrong: refused when
   * it is unknown, made for another purpose, already used, expired, or its bytes were altered. The
   * signature is the caller's to verify, against the key of what the challenge is bound to.
   */
  async spend(m: EntityManager, answer: ChallengeAnswer, purpose: StoredPurpose): Promise<Spent> {
    const now = new Date();
    const row = await m
      .getRepository(CertificateChallenge)
      .findOne({ where: { id: answer.challengeId }, lock: lockFor(this.dataSource) });
    if (!row || row.purpose !== purpose)
      return { ok: false, reason: 'unknown challenge', subjectId: row?.certificateId ?? null };
    if (row.usedAt) return { ok: false, reason: 'challenge already used', subjectId: row.certificateId };
    await m.update(CertificateChallenge, { id: row.id }, { usedAt: now });
    if (row.expiresAt.getTime() <= now.getTime())
      return { ok: false, reason: 'challenge expired', subjectId: row.certificateId };
    if (digestOf(answer.toBeSigned) !== row.digest)
      return { ok: false, reason: 'challenge bytes altered', subjectId: row.certificateId };
    return { ok: true, subjectId: row.certificateId };
  }

  private async find(target: ChallengeTarget): Promise<Certificate> {
    const repo = this.dataSource.getRepository(Certificate);
    let certificate: Certificate | null = null;
    if (target.serialHex) {
      certificate = await repo.findOneBy({ serialHex: In(serialForms(target.serialHex)) });
    } else if (target.idNumber && target.publicKey) {
      const customer = await this.dataSource
        .getRepository(Customer)
        .findOneBy({ idNumber: normalizeIdNumber(target.idNumber) });
      const mine = customer
        ? await repo.find({
            where: {
              customerId: customer.id,
              status: In([...PROVING, CertificateStatus.PENDING, CertificateStatus.SUSPENDED]),
            },
            order: { createdAt: 'DESC' },
          })
        : [];
      const key = Buffer.from(target.publicKey);
      certificate = mine.find((c) => c.publicKey?.equals(key)) ?? null;
      if (certificate?.status === CertificateStatus.PENDING) throw new DomainError('CA_ISSUING');
    }
    if (!certificate || !certificate.der) throw new DomainError('CERTIFICATE_PROOF_FAILED');
    const status = effectiveStatus(certificate, new Date());
    if (!PROVING.includes(status)) throw new DomainError('CERTIFICATE_NOT_USABLE', { status });
    return certificate;
  }

  private async check(
    m: EntityManager,
    ctx: RequestContext,
    answer: ChallengeAnswer,
    purpose: ChallengePurpose,
  ): Promise<Verdict> {
    const spent = await this.spend(m, answer, purpose);
    const fail = async (
      reason: string,
      certificateId: string | null,
      error = new DomainError('CERTIFICATE_PROOF_FAILED'),
    ) => {
      await this.audit.record(m, ctx, {
        action: 'CERTIFICATE_PROOF_FAILED',
        targetType: 'Certificate',
        targetId: certificateId,
        after: { reason, purpose, challengeId: answer.challengeId },
      });
      return { ok: false, error } as const;
    };
    if (!spent.ok) return fail(spent.reason, spent.subjectId);
    const now = new Date();

    const certificate = await m.getRepository(Certificate).findOneBy({ id: spent.subjectId });
    if (!certificate?.der) return fail('certificate gone', spent.subjectId);
    const good = verifyChallenge({
      toBeSigned: answer.toBeSigned,
      signature: answer.signature,
      certificate: new Uint8Array(certificate.der),
    });
    if (!good) return fail('signature does not verify', certificate.id);
    const status = effectiveStatus(certificate, now);
    if (!PROVING.includes(status)) {
      return fail(`certificate ${status}`, certificate.id, new DomainError('CERTIFICATE_NOT_USABLE', { status }));
    }
    await this.audit.record(m, asCustomer(ctx, certificate.customerId), {
      action: 'CERTIFICATE_PROVEN',
      targetType: 'Certificate',
      targetId: certificate.id,
      after: { serial: certificate.serialHex, purpose },
    });
    return { ok: true, certificate };
  }
}

/** The status, counting a certificate past notAfter as EXPIRED before the hourly sweep marks it so. */
function effectiveStatus(c: Certificate, now: Date): CertificateStatus {
  return c.notAfter && c.notAfter.getTime() <= now.getTime() ? CertificateStatus.EXPIRED : c.status;
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The stored forms a typed or read serial may match: separators and case dropped, and the 16-byte
 * width restored, since tools print `05ab…` as `5AB…` or `05:AB:…`.
 */
function serialForms(input: string): string[] {
  const hex = input.replace(/[\s:]/g, '').toLowerCase();
  return [...new Set([hex, hex.replace(/^0+/, '').padStart(32, '0')])];
}
