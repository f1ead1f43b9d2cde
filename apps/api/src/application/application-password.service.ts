import { ApplicationStatus, DomainError } from '@app/contracts';
import { assertApplicationTransition, normalizeIdNumber, toGregorianDate } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APPLICATION_PASSWORD_COST, decoyHash, hashSecret, verifySecret } from '../common/password-hash';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { Customer } from '../customer/customer.entity';
import { lockFor } from '../database/row-lock';
import {
  generateApplicationPassword,
  generateNoticeNumber,
  normalizeApplicationPassword,
} from './application-password';
import { ApplicationPassword } from './application-password.entity';
import { CounterApplication } from './counter-application.entity';
import { HashSlots } from './hash-slots';

/** A new password: the plain text lives only in memory, on its way onto the printed notice. */
export interface IssuedPassword {
  readonly password: string;
  readonly record: ApplicationPassword;
}

/** The outcome of a check, decided inside the transaction and thrown only after it commits. */
type Verdict =
  | { readonly ok: true; readonly application: CounterApplication; readonly passwordId: string }
  | { readonly ok: false; readonly error: DomainError };

const DAY_MS = 86_400_000;

/**
 * 憑證申請密碼: generation, storage as a slow hash and the check a kiosk makes. Failed tries are
 * counted in the password row under a row lock, so the lock after N tries holds across concurrent
 * requests and restarts.
 */
@Injectable()
export class ApplicationPasswordService {
  private readonly slots = new HashSlots(2);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** A password and its hash, made before any row is locked (hashing takes a good part of a second). */
  async prepare(): Promise<{ password: string; hash: string }> {
    const password = generateApplicationPassword();
    return { password, hash: await this.slots.run(() => hashSecret(password, APPLICATION_PASSWORD_COST)) };
  }

  /**
   * Stores a prepared password as the application's only live one, retiring any earlier one, inside
   * the caller's transaction. Valid until the end of the Taipei day APPLICATION_PASSWORD_DAYS ahead.
   */
  async store(
    m: EntityManager,
    applicationId: string,
    prepared: { password: string; hash: string },
    now: Date,
  ): Promise<IssuedPassword> {
    await m.update(ApplicationPassword, { applicationId, retiredAt: IsNull() }, { retiredAt: now });
    const record = m.create(ApplicationPassword, {
      id: randomUUID(),
      applicationId,
      noticeNumber: generateNoticeNumber(toGregorianDate(now).replace(/-/g, '').slice(2)),
      passwordHash: prepared.hash,
      expiresAt: endOfTaipeiDay(new Date(now.getTime() + this.env.APPLICATION_PASSWORD_DAYS * DAY_MS)),
      failedTries: 0,
      usedAt: null,
      retiredAt: null,
    });
    await m.save(record);
    return { password: prepared.password, record };
  }

  /**
   * Checks an ID number and application password as typed at a kiosk. A wrong password counts
   * against every open application of that customer (the kiosk does not say which one is meant) and
   * locks those that reach APPLICATION_PASSWORD_MAX_TRIES; an expired one moves its application to
   * EXPIRED. Throws APPLICATION_PASSWORD_WRONG `{ triesLeft }`, APPLICATION_LOCKED,
   * APPLICATION_PASSWORD_EXPIRED or APPLICATION_NOT_OPEN `{ status }`; the counts are committed first.
   */
  async verify(
    ctx: RequestContext,
    idNumber: string,
    typed: string,
  ): Promise<{ application: CounterApplication; passwordId: string }> {
    const password = normalizeApplicationPassword(typed);
    const verdict = await this.dataSource.transaction((m) => this.check(m, ctx, normalizeIdNumber(idNumber), password));
    if (!verdict.ok) throw verdict.error;
    return { application: verdict.application, passwordId: verdict.passwordId };
  }

  /** Marks the live password used; called in the transaction that moves the application to APPLIED. */
  async markUsed(m: EntityManager, applicationId: string, passwordId: string): Promise<void> {
    const result = await m.update(
      ApplicationPassword,
      { id: passwordId, applicationId, retiredAt: IsNull(), usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (!result.affected) throw new DomainError('APPLICATION_PASSWORD_USED');
  }

  /** Whether a ticket's password is still the live, unused one of its application. */
  async isLive(applicationId: string, passwordId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(ApplicationPassword)
      .existsBy({ id: passwordId, applicationId, retiredAt: IsNull(), usedAt: IsNull() });
  }

  /**
   * Moves every NOTICE_PRINTED application whose live password has expired to EXPIRED, each in its
   * own transaction with its audit event, so lists by status tell the truth without waiting for a
   * kiosk to try the password. Returns how many moved; safe to run in several processes at once.
   */
  async expireDue(ctx: RequestContext, now: Date = new Date()): Promise<number> {
    const due = await this.dataSource
      .getRepository(CounterApplication)
      .createQueryBuilder('a')
      .innerJoin(ApplicationPassword, 'p', 'p.applicationId = a.id AND p.retiredAt IS NULL AND p.usedAt IS NULL')
      .where('a.status = :status AND p.expiresAt <= :now', { status: ApplicationStatus.NOTICE_PRINTED, now })
      .select('a.id', 'id')
      .addSelect('p.noticeNumber', 'noticeNumber')
      .limit(500)
      .getRawMany<{ id: string; noticeNumber: string }>();
    let moved = 0;
    for (const { id, noticeNumber } of due) {
      moved += await this.dataSource.transaction(async (m) => {
        const application = await m
          .getRepository(CounterApplication)
          .findOne({ where: { id }, lock: lockFor(this.dataSource) });
        // Someone printed a new notice or cancelled in between: nothing to do.
        const live = await m.getRepository(ApplicationPassword).findOneBy({ applicationId: id, retiredAt: IsNull() });
        if (application?.status !== ApplicationStatus.NOTICE_PRINTED || !live || live.expiresAt > now) return 0;
        await this.moveTo(m, ctx, application, ApplicationStatus.EXPIRED, now, { noticeNumber });
        return 1;
      });
    }
    return moved;
  }

  private async check(m: EntityManager, ctx: RequestContext, idNumber: string, password: string): Promise<Verdict> {
    const max = this.env.APPLICATION_PASSWORD_MAX_TRIES;
    const wrong = (triesLeft: number): Verdict => ({
      ok: false,
      error: new DomainError('APPLICATION_PASSWORD_WRONG', { triesLeft }),
    });
    const customer = await m.getRepository(Customer).findOneBy({ idNumber });
    const applications = customer
      ? await m.getRepository(CounterApplication).find({
          where: {
            customerId: customer.id,
            status: In([ApplicationStatus.NOTICE_PRINTED, ApplicationStatus.LOCKED, ApplicationStatus.EXPIRED]),
          },
          lock: lockFor(this.dataSource),
        })
      : [];
    const open = applications.filter((a) => a.status === ApplicationStatus.NOTICE_PRINTED);
    const passwords = open.length
      ? await m.getRepository(ApplicationPassword).find({
          where: { applicationId: In(open.map((a) => a.id)), retiredAt: IsNull(), usedAt: IsNull() },
          lock: lockFor(this.dataSource),
        })
      : [];
    if (!passwords.length) {
      // Same work as a real check, so the answer time does not tell whether the ID has an application.
      await this.slots.run(async () => verifySecret(password, await decoyHash(APPLICATION_PASSWORD_COST)));
      if (applications.some((a) => a.status === ApplicationStatus.LOCKED)) {
        return { ok: false, error: new DomainError('APPLICATION_LOCKED') };
      }
      if (applications.some((a) => a.status === ApplicationStatus.EXPIRED)) {
        return { ok: false, error: new DomainError('APPLICATION_PASSWORD_EXPIRED') };
      }
      return wrong(max);
    }

    const now = new Date();
    const byId = new Map(open.map((a) => [a.id, a]));
    for (const row of passwords) {
      if (!(await this.slots.run(() => verifySecret(password, row.passwordHash)))) continue;
      const application = byId.get(row.applicationId)!;
      if (row.expiresAt.getTime() <= now.getTime()) {
        await this.moveTo(m, ctx, application, ApplicationStatus.EXPIRED, now, { noticeNumber: row.noticeNumber });
        return { ok: false, error: new DomainError('APPLICATION_PASSWORD_EXPIRED') };
      }
      await this.audit.record(m, ctx, {
        action: 'APPLICATION_OPENED',
        targetType: 'CounterApplication',
        targetId: application.id,
        after: { noticeNumber: row.noticeNumber },
      });
      return { ok: true, application, passwordId: row.id };
    }

    let triesLeft = max;
    for (const row of passwords) {
      row.failedTries += 1;
      await m.update(ApplicationPassword, { id: row.id }, { failedTries: row.failedTries });
      const application = byId.get(row.applicationId)!;
      const details = { noticeNumber: row.noticeNumber, failedTries: row.failedTries };
      if (row.failedTries >= max) {
        await this.moveTo(m, ctx, application, ApplicationStatus.LOCKED, now, details);
      } else {
        await this.audit.record(m, ctx, {
          action: 'APPLICATION_PASSWORD_FAILED',
          targetType: 'CounterApplication',
          targetId: application.id,
          after: details,
        });
      }
      triesLeft = Math.min(triesLeft, max - row.failedTries);
    }
    return triesLeft <= 0 ? { ok: false, error: new DomainError('APPLICATION_LOCKED') } : wrong(triesLeft);
  }

  private async moveTo(
    m: EntityManager,
    ctx: RequestContext,
    application: CounterApplication,
    status: ApplicationStatus,
    now: Date,
    details: Record<string, unknown>,
  ): Promise<void> {
    assertApplicationTransition(application.status, status);
    const from = application.status;
    application.status = status;
    application.statusChangedAt = now;
    await m.save(application);
    await this.audit.record(m, ctx, {
      action: status === ApplicationStatus.LOCKED ? 'APPLICATION_LOCKED' : 'APPLICATION_EXPIRED',
      targetType: 'CounterApplication',
      targetId: application.id,
      before: { status: from },
      after: { status, ...details },
    });
  }
}

/** 23:59:59.999 in Taipei (UTC+8, no daylight saving) on the Taipei day of `d`. */
export function endOfTaipeiDay(d: Date): Date {
  const day = toGregorianDate(d);
  return new Date(`${day}T23:59:59.999+08:00`);
}
