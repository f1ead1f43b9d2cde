import { DomainError } from '@app/contracts';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { Ctx, type RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { ApplicationPasswordService } from './application-password.service';
import { ApplicationTicketService } from './application-ticket.service';
import { OpenApplicationInput, OpenedApplication } from './dto/application.inputs';

/**
 * The kiosk's first step: ID number and application password in, an application ticket out. Public
 * (the customer has no account) and throttled per address; the per-application lock lives in the
 * database.
 */
@Resolver()
export class ApplicationKioskResolver {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly passwords: ApplicationPasswordService,
    private readonly tickets: ApplicationTicketService,
    @Inject(ENV) env: Env,
  ) {
    this.throttle = new SignInThrottle(env.SIGN_IN_RATE_PER_MINUTE);
  }

  @Public()
  @Mutation(() => OpenedApplication)
  async openApplication(
    @Ctx() ctx: RequestContext,
    @Args('input') input: OpenApplicationInput,
  ): Promise<OpenedApplication> {
    if (!this.throttle.take(ctx.clientIp ?? 'unknown')) throw new DomainError('APPLICATION_OPEN_THROTTLED');
    const { application, passwordId } = await this.passwords.verify(ctx, input.idNumber, input.password);
    const { ticket, expiresAt } = this.tickets.issue(application.id, passwordId);
    const { id, commonName, certType, medium, email, status } = application;
    return { ticket, ticketExpiresAt: expiresAt, application: { id, commonName, certType, medium, email, status } };
  }
}
