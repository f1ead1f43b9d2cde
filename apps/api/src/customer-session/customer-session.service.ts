import { DomainError } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { ENV, type Env } from '../config/env';

const AUDIENCE = 'branch-ra:kiosk-customer';
const TYPE = 'customer-session+jwt';
const TTL_SECONDS = 20 * 60;

/**
 * What a customer session lets the kiosk do. `enrolment`: the session the apply step hands back,
 * bound to that one application (its password is spent by then, so its ticket is dead); `certificate`:
 * a customer who proved possession of a certificate's key, for all of that customer's certificates.
 */
export type CustomerSessionScope = 'enrolment' | 'certificate';

export interface CustomerSession {
  readonly customerId: string;
  readonly scope: CustomerSessionScope;
  /** The application an enrolment session is bound to; null for a certificate session. */
  readonly applicationId: string | null;
  /** The certificate whose key proved the customer; null for an enrolment session. */
  readonly certificateId: string | null;
}

interface SessionClaims {
  readonly sub: string;
  readonly scp: CustomerSessionScope;
  readonly app?: string;
  readonly crt?: string;
}

/**
 * The kiosk customer's session token. Its key is derived from JWT_SECRET for this purpose only and
 * it carries its own audience and `typ`, so it never passes as a staff session or an application
 * ticket, nor they as it.
 */
@Injectable()
export class CustomerSessionService {
  private readonly jwt: JwtService;

  constructor(@Inject(ENV) env: Env) {
    const key = createHmac('sha256', env.JWT_SECRET).update('branch-ra customer session v1').digest();
    this.jwt = new JwtService({ secret: key });
  }

  issue(session: CustomerSession): { token: string; expiresAt: Date } {
    const claims: SessionClaims = {
      sub: session.customerId,
      scp: session.scope,
      ...(session.applicationId ? { app: session.applicationId } : {}),
      ...(session.certificateId ? { crt: session.certificateId } : {}),
    };
    const token = this.jwt.sign(claims, {
      algorithm: 'HS256',
      audience: AUDIENCE,
      expiresIn: TTL_SECONDS,
      header: { alg: 'HS256', typ: TYPE },
    });
    return { token, expiresAt: new Date(Date.now() + TTL_SECONDS * 1000) };
  }

  /** The session of a valid token; CUSTOMER_SESSION_INVALID otherwise. */
  verify(token: string): CustomerSession {
    try {
      const decoded = this.jwt.decode<{ header?: { typ?: string } } | null>(token, { complete: true });
      if (decoded?.header?.typ !== TYPE) throw new Error('not a customer session');
      const claims = this.jwt.verify<SessionClaims>(token, { algorithms: ['HS256'], audience: AUDIENCE });
      if (claims.scp === 'enrolment' && claims.app) {
        return { customerId: claims.sub, scope: 'enrolment', applicationId: claims.app, certificateId: null };
      }
      if (claims.scp === 'certificate' && claims.crt) {
        return { customerId: claims.sub, scope: 'certificate', applicationId: null, certificateId: claims.crt };
      }
    } catch {
      // Fall through: every failure looks the same to the caller.
    }
    throw new DomainError('CUSTOMER_SESSION_INVALID');
  }
}
