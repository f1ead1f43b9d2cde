import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { contextOf, type AppRequest, type StaffPrincipal } from '../common/request-context';
import { AuthService } from './auth.service';

/** Username + password → principal; failures are DomainErrors (failed, locked, throttled). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: AppRequest, username: string, password: string): Promise<StaffPrincipal> {
    return this.auth.verifyCredentials(contextOf(req), username, password);
  }
}
