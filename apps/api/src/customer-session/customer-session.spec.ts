import { describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ApplicationTicketService } from '../application/application-ticket.service';
import type { ApplicationPasswordService } from '../application/application-password.service';
import type { Env } from '../config/env';
import { CustomerSessionService } from './customer-session.service';

const env = { JWT_SECRET: 'unit-only-secret-unit-only-secret-unit-only' } as Env;
const sessions = new CustomerSessionService(env);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('customer sessions', () => {
  it('carry the customer and what they were proven by, and nothing else passes as one', async () => {
    const enrolment = sessions.issue({
      customerId: 'c1',
      scope: 'enrolment',
      applicationId: 'a1',
      certificateId: null,
    });
    expect(sessions.verify(enrolment.token)).toEqual({
      customerId: 'c1',
      scope: 'enrolment',
      applicationId: 'a1',
      certificateId: null,
    });
    const proven = sessions.issue({ customerId: 'c2', scope: 'certificate', applicationId: null, certificateId: 'x' });
    expect(sessions.verify(proven.token)).toMatchObject({ customerId: 'c2', scope: 'certificate', certificateId: 'x' });

    // An application ticket made from the same JWT_SECRET is not a session.
    const passwords = { isLive: async () => true } as unknown as ApplicationPasswordService;
    const { ticket } = new ApplicationTicketService(env, passwords).issue('a1', 'p1');
    expect(code(() => sessions.verify(ticket))).toBe('CUSTOMER_SESSION_INVALID');
    // Nor is a token signed with JWT_SECRET itself (a staff session's key), even with the right typ and audience.
    const staffKeyed = new JwtService({ secret: env.JWT_SECRET }).sign(
      { sub: 'c1', scp: 'certificate', crt: 'x' },
      { audience: 'branch-ra:kiosk-customer', header: { alg: 'HS256', typ: 'customer-session+jwt' } },
    );
    expect(code(() => sessions.verify(staffKeyed))).toBe('CUSTOMER_SESSION_INVALID');
    // A session is not a ticket either.
    await expect(new ApplicationTicketService(env, passwords).read(proven.token)).rejects.toMatchObject({
      code: 'APPLICATION_TICKET_INVALID',
    });
  });

  it('refuses a tampered, re-scoped or foreign-secret token', () => {
    const { token } = sessions.issue({
      customerId: 'c1',
      scope: 'enrolment',
      applicationId: 'a1',
      certificateId: null,
    });
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const widened = Buffer.from(JSON.stringify({ ...claims, scp: 'certificate', crt: 'x' })).toString('base64url');
    expect(code(() => sessions.verify(`${h}.${widened}.${s}`))).toBe('CUSTOMER_SESSION_INVALID');
    const other = new CustomerSessionService({ JWT_SECRET: 'another-secret-another-secret-another' } as Env);
    expect(code(() => other.verify(token))).toBe('CUSTOMER_SESSION_INVALID');
    expect(code(() => sessions.verify('not.a.token'))).toBe('CUSTOMER_SESSION_INVALID');
  });
});
