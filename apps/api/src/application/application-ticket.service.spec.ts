import { describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { Env } from '../config/env';
import type { ApplicationPasswordService } from './application-password.service';
import { ApplicationTicketService } from './application-ticket.service';

const env = { JWT_SECRET: 'unit-only-secret-unit-only-secret-unit-only' } as Env;
const passwordsSaying = (live: boolean) => ({ isLive: async () => live }) as unknown as ApplicationPasswordService;

describe('application tickets', () => {
  it('name the application and the password they were opened with', async () => {
    const tickets = new ApplicationTicketService(env, passwordsSaying(true));
    const { ticket, expiresAt } = tickets.issue('app-1', 'pwd-1');
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    await expect(tickets.verify(ticket)).resolves.toEqual({ applicationId: 'app-1', passwordId: 'pwd-1' });
  });

  it('die with their password (reissued, cancelled or used)', async () => {
    const { ticket } = new ApplicationTicketService(env, passwordsSaying(true)).issue('app-1', 'pwd-1');
    const later = new ApplicationTicketService(env, passwordsSaying(false));
    await expect(later.read(ticket)).resolves.toMatchObject({ passwordId: 'pwd-1' });
    await expect(later.verify(ticket)).rejects.toMatchObject({ code: 'APPLICATION_TICKET_INVALID' });
  });

  it('are not staff sessions, and staff sessions are not tickets', async () => {
    const tickets = new ApplicationTicketService(env, passwordsSaying(true));
    const { ticket } = tickets.issue('app-1', 'pwd-1');
    const staffJwt = new JwtService({ secret: env.JWT_SECRET });
    // The ticket's key is not JWT_SECRET: the staff strategy cannot accept it.
    expect(() => staffJwt.verify(ticket)).toThrow();
    // A token under the staff key, even dressed as a ticket, is refused.
    const forged = staffJwt.sign(
      { sub: 'app-1', pwd: 'pwd-1' },
      { audience: 'branch-ra:kiosk-application', header: { alg: 'HS256', typ: 'application-ticket+jwt' } },
    );
    await expect(tickets.read(forged)).rejects.toMatchObject({ code: 'APPLICATION_TICKET_INVALID' });
    await expect(tickets.read('not.a.token')).rejects.toMatchObject({ code: 'APPLICATION_TICKET_INVALID' });
  });
});
