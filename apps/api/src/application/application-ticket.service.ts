import { DomainError } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { ENV, type Env } from '../config/env';
import { ApplicationPasswordService } from './application-password.service';

const AUDIENCE = 'branch-ra:kiosk-application';
const TYPE = 'application-ticket+jwt';
const TTL_SECONDS = 15 * 60;

interface TicketClaims {
  readonly sub: string;
  /** The password row the ticket was opened with: a reissue or its use ends the ticket. */
  readonly pwd: string;
}

/**
 * The application ticket a kiosk gets for a correct application password and presents at the apply
 * step. Its key is derived from JWT_SECRET for this purpose only, so a ticket can never pass as a
 * staff session (nor the other way round), and it carries its own audience and `typ`.
 */
@Injectable()
export class ApplicationTicketService {
  private readonly jwt: JwtService;

  constructor(
    @Inject(ENV) env: Env,
    private readonly passwords: ApplicationPasswordService,
  ) {
    const key = createHmac('sha256', env.JWT_SECRET).update('branch-ra application ticket v1').digest();
    this.jwt = new JwtService({ secret: key });
  }

  issue(applicationId: string, passwordId: string): { ticket: string; expiresAt: Date } {
    const claims: TicketClaims = { sub: applicationId, pwd: passwordId };
    const ticket = this.jwt.sign(claims, {
      algorithm: 'HS256',
      audience: AUDIENCE,
      expiresIn: TTL_SECONDS,
      header: { alg: 'HS256', typ: TYPE },
    });
    return { ticket, expiresAt: new Date(Date.now() + TTL_SECONDS * 1000) };
  }

  /** The application and password of a valid ticket whose password is still live; APPLICATION_TICKET_INVALID otherwise. */
  async verify(ticket: string): Promise<{ applicationId: string; passwordId: string }> {
    const claims = await this.read(ticket);
    if (!(await this.passwords.isLive(claims.applicationId, claims.passwordId))) {
      throw new DomainError('APPLICATION_TICKET_INVALID');
    }
    return claims;
  }

  /**
   * A genuine, unexpired ticket's claims, whether or not its password is still live: the apply step
   * needs this to answer a retry whose first attempt spent the password. APPLICATION_TICKET_INVALID otherwise.
   */
  async read(ticket: string): Promise<{ applicationId: string; passwordId: string }> {
    try {
      const decoded = this.jwt.decode<{ header?: { typ?: string } } | null>(ticket, { complete: true });
      if (decoded?.header?.typ !== TYPE) throw new Error('not a ticket');
      const claims = await this.jwt.verifyAsync<TicketClaims>(ticket, { algorithms: ['HS256'], audience: AUDIENCE });
      return { applicationId: claims.sub, passwordId: claims.pwd };
    } catch {
      throw new DomainError('APPLICATION_TICKET_INVALID');
    }
  }
}
