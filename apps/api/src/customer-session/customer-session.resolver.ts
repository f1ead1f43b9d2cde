import { DomainError } from '@app/contracts';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { Ctx, type RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import {
  ChallengeAnswerInput,
  StartCertificateChallengeInput,
  CertificateChallengeGrant,
  CustomerSessionGrant,
} from './dto/customer-session.dto';
import { CertificateChallengeService, type IssuedChallenge } from './certificate-challenge.service';
import { CustomerSessionService } from './customer-session.service';

/**
 * Sign-in with a certificate the customer already holds: a challenge, then its signature for a
 * customer session. Public (no staff session), throttled per address like the application password.
 */
@Resolver()
export class CustomerSessionResolver {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly challenges: CertificateChallengeService,
    private readonly sessions: CustomerSessionService,
    @Inject(ENV) env: Env,
  ) {
    this.throttle = new SignInThrottle(env.SIGN_IN_RATE_PER_MINUTE);
  }

  @Public()
  @Mutation(() => CertificateChallengeGrant, {
    description:
      'A challenge for a certificate, by serial or by ID number + public key; sign its toBeSigned with the key.',
  })
  async startCertificateChallenge(
    @Ctx() ctx: RequestContext,
    @Args('input') input: StartCertificateChallengeInput,
  ): Promise<CertificateChallengeGrant> {
    this.take(ctx);
    if (!input.serialHex && !(input.idNumber && input.publicKey)) {
      throw new DomainError('FIELD_REQUIRED', { field: 'serialHex' });
    }
    const challenge = await this.challenges.start(
      ctx,
      {
        serialHex: input.serialHex,
        idNumber: input.idNumber,
        publicKey: input.publicKey ? Buffer.from(input.publicKey, 'base64') : null,
      },
      input.purpose,
    );
    return toChallengeGrant(challenge);
  }

  @Public()
  @Mutation(() => CustomerSessionGrant, { description: 'A customer session for a signed sign-in challenge.' })
  async proveCertificate(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ChallengeAnswerInput,
  ): Promise<CustomerSessionGrant> {
    this.take(ctx);
    const certificate = await this.challenges.prove(ctx, decodeAnswer(input), 'SIGN_IN');
    const { token, expiresAt } = this.sessions.issue({
      customerId: certificate.customerId,
      scope: 'certificate',
      applicationId: null,
      certificateId: certificate.id,
    });
    return { session: token, expiresAt };
  }

  private take(ctx: RequestContext): void {
    if (!this.throttle.take(ctx.clientIp ?? 'unknown')) throw new DomainError('CERTIFICATE_PROOF_THROTTLED');
  }
}

export function decodeAnswer(input: ChallengeAnswerInput) {
  return {
    challengeId: input.challengeId,
    toBeSigned: new Uint8Array(Buffer.from(input.toBeSigned, 'base64')),
    signature: new Uint8Array(Buffer.from(input.signature, 'base64')),
  };
}

/** An issued challenge as the kiosk receives it: the bytes to sign in base64. */
export function toChallengeGrant(challenge: IssuedChallenge): CertificateChallengeGrant {
  return {
    challengeId: challenge.id,
    toBeSigned: Buffer.from(challenge.toBeSigned).toString('base64'),
    expiresAt: challenge.expiresAt,
    serialHex: challenge.serialHex,
  };
}
