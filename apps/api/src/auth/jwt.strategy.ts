import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { StaffUser } from '../staff/staff-user.entity';

type Claims = StaffPrincipal & { sub: string };

/**
 * Bearer session token → principal. The account is looked up on every request so that a
 * deactivated or re-roled member of staff loses access at once, not when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(ENV) env: Env,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: env.JWT_SECRET,
      algorithms: ['HS256'],
    });
  }

  async validate(claims: Claims): Promise<StaffPrincipal | false> {
    const staff = await this.dataSource.getRepository(StaffUser).findOne({ where: { id: claims.sub } });
    if (!staff?.active || staff.role !== claims.role || staff.branchId !== claims.branchId) return false;
    return {
      id: staff.id,
      username: staff.username,
      role: staff.role,
      branchId: staff.branchId,
      branchCode: claims.branchCode,
    };
  }
}
