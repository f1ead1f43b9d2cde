import { DomainError } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { lockFor } from '../database/row-lock';
import { Branch } from '../branch/branch.entity';
import { decoyHash, verifySecret } from '../common/password-hash';
import type { RequestContext, StaffPrincipal } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { StaffUser } from '../staff/staff-user.entity';
import { SignInThrottle } from './sign-in-throttle';

export interface SessionToken {
  readonly accessToken: string;
  readonly expiresAt: Date;
}

const MAX_CREDENTIAL_LENGTH = 256;

@Injectable()
export class AuthService {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.throttle = new SignInThrottle(env.SIGN_IN_RATE_PER_MINUTE);
  }

  /**
   * Checks a username and password. Unknown users cost the same time as known ones; every failure
   * counts towards the account lock, which persists in the database; every outcome is audited.
   */
  async verifyCredentials(ctx: RequestContext, username: string, password: string): Promise<StaffPrincipal> {
    if (!this.throttle.take(ctx.clientIp ?? 'unknown')) throw new DomainError('SIGN_IN_THROTTLED');
    if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
      throw new DomainError('SIGN_IN_FAILED', { max: this.env.SIGN_IN_MAX_FAILURES });
    }
    const staff = await this.dataSource.getRepository(StaffUser).findOne({ where: { username: username.trim() } });
    const now = new Date();
    if (staff?.lockedUntil && staff.lockedUntil > now) {
      await this.recordAttempt(ctx, staff, 'STAFF_SIGN_IN_REFUSED_LOCKED');
      throw new DomainError('SIGN_IN_LOCKED', { minutes: minutesUntil(staff.lockedUntil, now) });
    }
    const valid = await verifySecret(password, staff?.passwordHash ?? (await decoyHash()));
    if (!staff || !valid || !staff.active) {
      if (staff) await this.countFailure(ctx, staff);
      else await this.recordAttempt(ctx, null, 'STAFF_SIGN_IN_FAILED', username);
      throw new DomainError('SIGN_IN_FAILED', { max: this.env.SIGN_IN_MAX_FAILURES });
    }
    const branch = await this.dataSource.getRepository(Branch).findOneByOrFail({ id: staff.branchId });
    const principal: StaffPrincipal = {
      id: staff.id,
      username: staff.username,
      role: staff.role,
      branchId: staff.branchId,
      branchCode: branch.code,
    };
    await this.dataSource.transaction(async (m) => {
      await m.update(StaffUser, { id: staff.id }, { failedSignIns: 0, lockedUntil: null, lastSignInAt: now });
      await this.audit.record(
        m,
        { ...ctx, staff: principal },
        { action: 'STAFF_SIGNED_IN', targetType: 'StaffUser', targetId: staff.id },
      );
    });
    return principal;
  }

  /** A short-lived session token for a verified principal. */
  async issueSession(principal: StaffPrincipal): Promise<SessionToken> {
    const accessToken = await this.jwt.signAsync({ ...principal, sub: principal.id });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, expiresAt: new Date(exp * 1000) };
  }

  private async countFailure(ctx: RequestContext, staff: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const fresh = await m
        .getRepository(StaffUser)
        .findOne({ where: { id: staff.id }, lock: lockFor(this.dataSource) });
      const failures = (fresh?.failedSignIns ?? 0) + 1;
      const lock = failures >= this.env.SIGN_IN_MAX_FAILURES;
      const lockedUntil = lock ? new Date(Date.now() + this.env.SIGN_IN_LOCK_MINUTES * 60_000) : null;
      await m.update(StaffUser, { id: staff.id }, { failedSignIns: lock ? 0 : failures, lockedUntil });
      await this.audit.record(m, ctx, {
        action: lock ? 'STAFF_LOCKED' : 'STAFF_SIGN_IN_FAILED',
        targetType: 'StaffUser',
        targetId: staff.id,
        after: { failedSignIns: failures, lockedUntil: lockedUntil?.toISOString() ?? null },
        branchCode: null,
      });
    });
  }

  private async recordAttempt(ctx: RequestContext, staff: StaffUser | null, action: string, username?: string) {
    await this.dataSource.transaction((m) =>
      this.audit.record(m, ctx, {
        action,
        targetType: 'StaffUser',
        targetId: staff?.id ?? null,
        after: staff ? null : { username: username?.slice(0, 50) ?? null },
        branchCode: null,
      }),
    );
  }
}

function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
