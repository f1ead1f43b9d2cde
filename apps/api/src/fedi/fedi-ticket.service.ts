import { DomainError } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { ENV, type Env } from '../config/env';

const AUDIENCE = 'branch-ra:kiosk-fedi';
const TYPE = 'fedi-ticket+jwt';
const TTL_SECONDS = 15 * 60;

export interface FediTicket {
  /** The fedi_conversions row of the FEDI certificate whose key was proven. */
  readonly conversionId: string;
  readonly customerId: string;
}

interface TicketClaims {
  readonly sub: string;
  readonly cus: string;
}

/**
 * The conversion ticket a kiosk gets for a proven FEDI key and presents with the new requests. Its
 * key is derived from JWT_SECRET for this purpose only and it has its own audience and `typ`, so it
 * never passes as a staff session, an application ticket or a customer session, nor they as it.
 */
@Injectable()
export class FediTicketService {
  private readonly jwt: JwtService;

  constructor(@Inject(ENV) env: Env) {
    const key = createHmac('sha256', env.JWT_SECRET).update('branch-ra fedi conversion ticket v1').digest();
    this.jwt = new JwtService({ secret: key });
  }

  issue(ticket: FediTicket): { ticket: string; expiresAt: Date } {
    const claims: TicketClaims = { sub: ticket.conversionId, cus: ticket.customerId };
    const token = this.jwt.sign(claims, {
      algorithm: 'HS256',
      audience: AUDIENCE,
      expiresIn: TTL_SECONDS,
      header: { alg: 'HS256', typ: TYPE },
    });
    return { ticket: token, expiresAt: new Date(Date.now() + TTL_SECONDS * 1000) };
  }

  /** What a genuine, unexpired ticket names; FEDI_TICKET_INVALID otherwise. */
  read(ticket: string): FediTicket {
    try {
      const decoded = this.jwt.decode<{ header?: { typ?: string } } | null>(ticket, { complete: true });
      if (decoded?.header?.typ !== TYPE) throw new Error('not a conversion ticket');
      const claims = this.jwt.verify<TicketClaims>(ticket, { algorithms: ['HS256'], audience: AUDIENCE });
      if (typeof claims.sub !== 'string' || typeof claims.cus !== 'string') throw new Error('claims missing');
      return { conversionId: claims.sub, customerId: claims.cus };
    } catch {
      throw new DomainError('FEDI_TICKET_INVALID');
    }
  }
}
