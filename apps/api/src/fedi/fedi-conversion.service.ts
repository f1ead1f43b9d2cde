import {
  ApplicationStatus,
  CertificateType,
  DomainError,
  SerialSource,
  StorageMedium,
  TokenStatus,
  TokenType,
} from '@app/contracts';
import { buildCommonName, nextCnSequence, toGregorianDate } from '@app/domain';
import { verifyChallenge } from '@app/pki';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { applicationSnapshot } from '../application/application.service';
import { CounterApplication } from '../application/counter-application.entity';
import { AuditService } from '../audit/audit.service';
import { Certificate } from '../certificate/certificate.entity';
import { asCustomer, type RequestContext } from '../common/request-context';
import { Customer } from '../customer/customer.entity';
import { CertificateChallengeService, type ChallengeAnswer } from '../customer-session/certificate-challenge.service';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import { checkCsrPair } from '../enrolment/csr-pair';
import { EnrolmentService, type AppliedPair } from '../enrolment/enrolment.service';
import { TERMS_OF_USE } from '../enrolment/terms-of-use';
import { tokenForKeys } from '../enrolment/token-binding';
import { Token } from '../token/token.entity';
import { FediConversion } from './fedi-conversion.entity';
import type { FediTicket } from './fedi-ticket.service';
import { fediProblem, FediTrust, type FediCertificate } from './fedi-trust';

const PURPOSE = 'FEDI_CONVERSION';

/** One certificate of the token that the FEDI CA issued, and whether it can be converted. */
export interface FediCandidate {
  readonly index: number;
  readonly certificate: FediCertificate;
  readonly problem: DomainError | null;
}

export interface FediConversionCommand {
  readonly ticket: FediTicket;
  readonly email: string;
  readonly tokenSerial: string;
  readonly signingCsr: string;
  readonly encryptionCsr: string;
  readonly requestId: string;
  readonly acceptedTermsVersion: string;
}

type ProofVerdict =
  | { readonly ok: true; readonly conversion: FediConversion; readonly customer: Customer }
  | { readonly ok: false; readonly error: DomainError };

/**
 * 憑證線上轉置 (manual 3.17): a customer with a legacy FEDI certificate and its key on an iKey gets
 * an FXML pair on the same token without a counter visit. Proven by a challenge signed with the FEDI
 * key; the new pair is queued exactly as an apply queues it, under a new application of the
 * customer's home branch with the 8-digit-date CN. A FEDI certificate converts once.
 */
@Injectable()
export class FediConversionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trust: FediTrust,
    private readonly challenges: CertificateChallengeService,
    private readonly enrolment: EnrolmentService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Which of `pems` (the certificates on a token) the FEDI CA issued, each with the reason it cannot
   * be converted (expired, no valid ID in its CN, converted already) or none. Others are left out.
   * Throws FEDI_CONVERSION_UNAVAILABLE with no FEDI CA configured.
   */
  async candidates(pems: readonly string[], now = new Date()): Promise<FediCandidate[]> {
    if (!this.trust.available) throw new DomainError('FEDI_CONVERSION_UNAVAILABLE');
    const out: FediCandidate[] = [];
    for (const [index, pem] of pems.entries()) {
      let certificate: FediCertificate;
      try {
        certificate = this.trust.read(pem);
      } catch (error) {
        if (error instanceof DomainError) continue;
        throw error;
      }
      const converted = await this.dataSource.getRepository(FediConversion).findOneBy({
        issuerKey: certificate.issuerKey,
        serialHex: certificate.serialHex,
      });
      const problem = converted?.convertedAt
        ? new DomainError('FEDI_ALREADY_CONVERTED')
        : fediProblem(certificate, now);
      out.push({ index, certificate, problem });
    }
    return out;
  }

  /**
   * A challenge for the FEDI certificate in `pem`, after checking it (see FediTrust.check) and that
   * it was not converted (FEDI_ALREADY_CONVERTED). Records the certificate for the conversion to
   * come. Whether its holder is our customer is told only after the proof with its key: a FEDI
   * certificate is public (trading partners hold copies), whether someone banks here is not.
   */
  async start(ctx: RequestContext, pem: string) {
    const certificate = this.trust.check(pem);
    const conversion = await this.record(certificate);
    const challenge = await this.challenges.startFor(ctx, conversion.id, PURPOSE);
    return { ...challenge, serialHex: certificate.serialHex };
  }

  /**
   * Checks the signature of a FEDI challenge with the FEDI certificate's key and spends the
   * challenge, right or wrong. Returns the conversion and its customer; throws
   * CERTIFICATE_PROOF_FAILED (audited and committed first), or the certificate's problem at this
   * moment (expired, converted meanwhile).
   */
  async prove(
    ctx: RequestContext,
    answer: ChallengeAnswer,
  ): Promise<{ conversion: FediConversion; customer: Customer }> {
    const verdict = await this.dataSource.transaction((m) => this.check(m, ctx, answer));
    if (!verdict.ok) throw verdict.error;
    return verdict;
  }

  /**
   * The CN the conversion would get now: the customer's ID, the next free sequence of the Taipei
   * day, the 8-digit date. `submit` chooses it again under the customer's row lock.
   */
  async previewCommonName(customer: Customer): Promise<string> {
    return (await this.commonName(this.dataSource.manager, customer, new Date())).commonName;
  }

  /**
   * In one transaction, under the customer's row lock (the one the counter takes to choose a CN):
   * the application (FXML, IKEY, no teller, APPLIED), the token registered to the customer if it is
   * new to us, the two requests PENDING at the CA, the FEDI certificate marked converted, the audit
   * event with the customer as actor. A retry with the same requestId and keys returns the first
   * pair; a new requestId after the conversion is FEDI_ALREADY_CONVERTED.
   */
  async submit(ctx: RequestContext, cmd: FediConversionCommand): Promise<AppliedPair> {
    if (cmd.acceptedTermsVersion !== TERMS_OF_USE.version) {
      throw new DomainError('TERMS_NOT_ACCEPTED', { version: TERMS_OF_USE.version });
    }
    const actor = asCustomer(ctx, cmd.ticket.customerId);
    try {
      return await this.dataSource.transaction(async (m) => {
        const customer = await m
          .getRepository(Customer)
          .findOne({ where: { id: cmd.ticket.customerId }, lock: lockFor(this.dataSource) });
        const conversion = await m
          .getRepository(FediConversion)
          .findOne({ where: { id: cmd.ticket.conversionId }, lock: lockFor(this.dataSource) });
        if (!customer || conversion?.customerId !== customer.id) throw new DomainError('FEDI_TICKET_INVALID');
        if (conversion.applicationId) return this.replay(m, conversion.applicationId, cmd);

        const now = new Date();
        const { commonName, sequence } = await this.commonName(m, customer, now);
        const csrs = await checkCsrPair(cmd.signingCsr, cmd.encryptionCsr, commonName);
        const token = await this.tokenOf(m, actor, customer, cmd.tokenSerial.trim());
        const application = m.create(CounterApplication, {
          id: randomUUID(),
          customerId: customer.id,
          certType: CertificateType.FXML,
          medium: StorageMedium.IKEY,
          email: cmd.email.trim(),
          commonName,
          cnSequence: sequence,
          tellerId: null,
          branchId: customer.homeBranchId,
          status: ApplicationStatus.APPLIED,
          statusChangedAt: now,
        });
        await m.save(application);
        const certificates = await this.enrolment.requestPair(m, actor, application, token, csrs, cmd.requestId);
        await m.update(
          FediConversion,
          { id: conversion.id },
          { applicationId: application.id, requestId: cmd.requestId, convertedAt: now },
        );
        await this.audit.record(m, actor, {
          action: 'FEDI_CONVERTED',
          targetType: 'CounterApplication',
          targetId: application.id,
          after: {
            ...applicationSnapshot(application),
            fediSerial: conversion.serialHex,
            fediIssuer: conversion.issuerDn,
            termsVersion: TERMS_OF_USE.version,
            tokenSerial: token.serial,
            serials: certificates.map((c) => c.serialHex),
          },
        });
        return { application, certificates };
      });
    } catch (error) {
      // Only a CN taken outside this customer's lock (a clash with another form) can get here.
      if (isUniqueViolation(error)) throw new DomainError('STALE_UPDATE');
      throw error;
    }
  }

  /** The conversion row of a FEDI certificate, made on first sight; FEDI_ALREADY_CONVERTED once converted. */
  private async record(certificate: FediCertificate): Promise<FediConversion> {
    const repo = this.dataSource.getRepository(FediConversion);
    const key = { issuerKey: certificate.issuerKey, serialHex: certificate.serialHex };
    let row = await repo.findOneBy(key);
    if (!row) {
      try {
        row = repo.create({
          id: randomUUID(),
          ...key,
          issuerDn: certificate.issuerDn.slice(0, 512),
          subjectDn: certificate.subjectDn.slice(0, 512),
          der: certificate.der,
          customerId: null,
          applicationId: null,
          requestId: null,
          convertedAt: null,
        });
        await repo.insert(row);
      } catch (error) {
        // Two kiosks starting with the same certificate at once: the other one recorded it.
        if (!isUniqueViolation(error)) throw error;
        row = await repo.findOneByOrFail(key);
      }
    }
    if (row.convertedAt) throw new DomainError('FEDI_ALREADY_CONVERTED');
    return row;
  }

  private async check(m: EntityManager, ctx: RequestContext, answer: ChallengeAnswer): Promise<ProofVerdict> {
    const spent = await this.challenges.spend(m, answer, PURPOSE);
    const fail = async (reason: string, conversionId: string | null, error?: DomainError) => {
      await this.audit.record(m, ctx, {
        action: 'FEDI_PROOF_FAILED',
        targetType: 'FediConversion',
        targetId: conversionId,
        after: { reason, challengeId: answer.challengeId },
      });
      return { ok: false, error: error ?? new DomainError('CERTIFICATE_PROOF_FAILED') } as const;
    };
    if (!spent.ok) return fail(spent.reason, spent.subjectId);
    const conversion = await m.getRepository(FediConversion).findOneBy({ id: spent.subjectId });
    if (!conversion) return fail('conversion gone', spent.subjectId);
    const good = verifyChallenge({
      toBeSigned: answer.toBeSigned,
      signature: answer.signature,
      certificate: new Uint8Array(conversion.der),
    });
    if (!good) return fail('signature does not verify', conversion.id);
    const problem = fediProblem(this.trust.read(conversion.der), new Date());
    if (problem) return fail(problem.code, conversion.id, problem);
    if (conversion.convertedAt) {
      return fail('already converted', conversion.id, new DomainError('FEDI_ALREADY_CONVERTED'));
    }
    const { idNumber } = this.trust.read(conversion.der);
    const customer = idNumber ? await m.getRepository(Customer).findOneBy({ idNumber }) : null;
    if (!customer) return fail('holder is not a customer', conversion.id, new DomainError('FEDI_CUSTOMER_UNKNOWN'));
    if (conversion.customerId !== customer.id) {
      await m.update(FediConversion, { id: conversion.id }, { customerId: customer.id });
      conversion.customerId = customer.id;
    }
    await this.audit.record(m, asCustomer(ctx, customer.id), {
      action: 'FEDI_CERTIFICATE_PROVEN',
      targetType: 'FediConversion',
      targetId: conversion.id,
      after: { fediSerial: conversion.serialHex, fediIssuer: conversion.issuerDn, customerId: customer.id },
    });
    return { ok: true, conversion, customer };
  }

  /** The pair a converted FEDI certificate made, for a retry with the same requestId and keys. */
  private async replay(m: EntityManager, applicationId: string, cmd: FediConversionCommand): Promise<AppliedPair> {
    const application = await m.getRepository(CounterApplication).findOneByOrFail({ id: applicationId });
    const csrs = await checkCsrPair(cmd.signingCsr, cmd.encryptionCsr, application.commonName);
    const certificates = await this.enrolment.replayOf(m, cmd.requestId, application, csrs);
    if (!certificates) throw new DomainError('FEDI_ALREADY_CONVERTED');
    return { application, certificates };
  }

  /**
   * The iKey the new keys are on: the customer's registered token of that serial, or — a FEDI
   * customer's iKey predates this system — registered to them now, at their home branch. ACCESS_DENIED
   * (80070005) for a token registered to someone else or not ACTIVE.
   */
  private async tokenOf(m: EntityManager, ctx: RequestContext, customer: Customer, serial: string): Promise<Token> {
    if (!serial) throw new DomainError('FIELD_REQUIRED', { field: 'tokenSerial' });
    if (!(await m.existsBy(Token, { type: TokenType.IKEY, serial }))) {
      const token = m.create(Token, {
        id: randomUUID(),
        type: TokenType.IKEY,
        serial,
        ownerCustomerId: customer.id,
        branchId: customer.homeBranchId,
        status: TokenStatus.ACTIVE,
        statusChangedAt: new Date(),
      });
      await m.save(token);
      await this.audit.record(m, ctx, {
        action: 'TOKEN_REGISTERED',
        targetType: 'Token',
        targetId: token.id,
        after: { type: token.type, serial, customerId: customer.id, serialSource: SerialSource.AGENT },
      });
    }
    return (await tokenForKeys(m, StorageMedium.IKEY, serial, customer.id))!;
  }

  /**
   * The customer's next CN of the Taipei day in the conversion form. Sequences of both date forms
   * count, so that a converted CN never shares its sequence with a counter CN of the same day.
   */
  private async commonName(
    m: EntityManager,
    customer: Customer,
    now: Date,
  ): Promise<{ commonName: string; sequence: number }> {
    const ymd = toGregorianDate(now).replace(/-/g, '');
    const used: number[] = [];
    for (const repo of [m.getRepository(CounterApplication), m.getRepository(Certificate)]) {
      const rows = await repo
        .createQueryBuilder('x')
        .select('x.commonName', 'cn')
        .where('x.commonName LIKE :short OR x.commonName LIKE :long', {
          short: `${customer.idNumber}-__-${ymd.slice(2)}`,
          long: `${customer.idNumber}-__-${ymd}`,
        })
        .getRawMany<{ cn: string }>();
      used.push(...rows.map(({ cn }) => Number(cn.split('-')[1])));
    }
    const sequence = nextCnSequence(used);
    return {
      commonName: buildCommonName({ idNumber: customer.idNumber, sequence, issuedAt: now, conversion: true }),
      sequence,
    };
  }
}
