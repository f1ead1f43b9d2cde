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

  /**
   * The application and password a ticket names, when its signature, `typ`, audience and expiry hold;
   * APPLICATION_TICKET_INVALID otherwise. Does not look at the database: a caller that acts on the
   * application checks `ApplicationPasswordService.isLive` under its own row lock.
   */
  async read(ticket: string): Promise<{ applicationId: string; passwordId: string }> {
    try {
      const decoded = this.jwt.decode<{ header?: { typ?: string } } | null>(ticket, { complete: true });
      if (decoded?.header?.typ !== TYPE) throw new Error('not a ticket');
      const claims = await this.jwt.verifyAsync<TicketClaims>(ticket, { algorithms: ['HS256'], audience: AUDIENCE });
      if (typeof claims.sub !== 'string' || typeof claims.pwd !== 'string') throw new Error('claims missing');
      return { applicationId: claims.sub, passwordId: claims.pwd };
    } catch {
      throw new DomainError('APPLICATION_TICKET_INVALID');
    }
  }

  /** `read`, and the ticket's password is still the live, unused one of its application. */
  async verify(ticket: string): Promise<{ applicationId: string; passwordId: string }> {
    const claims = await this.read(ticket);
    if (!(await this.passwords.isLive(claims.applicationId, claims.passwordId))) {
      throw new DomainError('APPLICATION_TICKET_INVALID');
    }
    return claims;
  }
}
