import { DomainError } from '@app/contracts';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { Ctx, type RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import { ChallengeAnswerInput } from '../customer-session/dto/customer-session.dto';
import { decodeAnswer, toChallengeGrant } from '../customer-session/customer-session.resolver';
import { CustomerSessionService } from '../customer-session/customer-session.service';
import { SubmittedApplication } from '../enrolment/dto/enrolment.types';
import { toSubmittedApplication } from '../enrolment/submitted-application.view';
import { FediCertificatesInput, StartFediConversionInput, SubmitFediConversionInput } from './dto/fedi.inputs';
import { FediCertificateView, FediChallengeGrant, FediConversionGrant } from './dto/fedi.types';
import { FediConversionService } from './fedi-conversion.service';
import { FediTicketService } from './fedi-ticket.service';

/**
 * FEDI憑證線上轉置 at the kiosk: which certificates on the token are FEDI ones, a challenge for one,
 * its signature for a conversion ticket, the new pair's requests for an enrolment session (download
 * and install then go as after an apply). Public for the staff guard; starts and proofs are throttled
 * per address like the other sign-ins.
 */
@Resolver()
export class FediResolver {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly conversions: FediConversionService,
    private readonly tickets: FediTicketService,
    private readonly sessions: CustomerSessionService,
    @Inject(ENV) env: Env,
  ) {
    this.throttle = new SignInThrottle(env.SIGN_IN_RATE_PER_MINUTE);
  }

  @Public()
  @Query(() => [FediCertificateView], { description: 'The FEDI certificates among those sent, convertible or not.' })
  async fediCertificates(@Args('input') input: FediCertificatesInput): Promise<FediCertificateView[]> {
    return (await this.conversions.candidates(input.certificates)).map(({ index, certificate: c, problem }) => ({
      index,
      serialHex: c.serialHex,
      commonName: c.commonName,
      subjectDn: c.subjectDn,
      issuerDn: c.issuerDn,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      problem: problem?.code ?? null,
    }));
  }

  @Public()
  @Mutation(() => FediChallengeGrant, { description: 'A challenge for a FEDI certificate; sign it with its key.' })
  async startFediConversion(
    @Ctx() ctx: RequestContext,
    @Args('input') input: StartFediConversionInput,
  ): Promise<FediChallengeGrant> {
    this.take(ctx);
    return toChallengeGrant(await this.conversions.start(ctx, input.certificatePem));
  }

  @Public()
  @Mutation(() => FediConversionGrant, { description: 'A conversion ticket for a FEDI challenge signed with its key.' })
  async proveFediCertificate(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ChallengeAnswerInput,
  ): Promise<FediConversionGrant> {
    this.take(ctx);
    const { conversion, customer } = await this.conversions.prove(ctx, decodeAnswer(input));
    const { ticket, expiresAt } = this.tickets.issue({ conversionId: conversion.id, customerId: customer.id });
    return { ticket, expiresAt, commonName: await this.conversions.previewCommonName(customer), email: customer.email };
  }

  @Public()
  @Mutation(() => SubmittedApplication, {
    description: 'The new FXML pair of a proven FEDI certificate; idempotent per requestId.',
  })
  async submitFediConversion(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SubmitFediConversionInput,
  ): Promise<SubmittedApplication> {
    const applied = await this.conversions.submit(ctx, { ...input, ticket: this.tickets.read(input.ticket) });
    return toSubmittedApplication(applied, this.sessions);
  }

  private take(ctx: RequestContext): void {
    if (!this.throttle.take(ctx.clientIp ?? 'unknown')) throw new DomainError('CERTIFICATE_PROOF_THROTTLED');
  }
}
