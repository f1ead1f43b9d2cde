import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { asCustomer, Ctx, type RequestContext } from '../common/request-context';
import { CustomerSessionToken, requireSession } from '../customer-session/customer-session.decorator';
import { decodeAnswer } from '../customer-session/customer-session.resolver';
import { CustomerSessionService } from '../customer-session/customer-session.service';
import { RenewCertificatesInput, SuspendMyCertificateInput } from './dto/enrolment.inputs';
import { KioskCertificate, RenewedCertificates, SuspendedCertificate } from './dto/enrolment.types';
import { toKioskCertificate } from './kiosk-certificate.view';
import { MyCertificatesService } from './my-certificates.service';
import { RenewalService } from './renewal.service';

/** The customer's own certificates at the kiosk (manual 3.4–3.6, 3.8, 3.9), under a customer session. */
@Resolver()
export class MyCertificatesResolver {
  constructor(
    private readonly mine: MyCertificatesService,
    private readonly renewal: RenewalService,
    private readonly sessions: CustomerSessionService,
  ) {}

  @Public()
  @Query(() => [KioskCertificate])
  async myCertificates(@CustomerSessionToken() token: string | null): Promise<KioskCertificate[]> {
    return (await this.mine.list(requireSession(this.sessions, token))).map(toKioskCertificate);
  }

  @Public()
  @Mutation(() => SuspendedCertificate, {
    description: '線上暫禁: holds the certificate now; only the counter releases it.',
  })
  async suspendMyCertificate(
    @Ctx() ctx: RequestContext,
    @CustomerSessionToken() token: string | null,
    @Args('input') input: SuspendMyCertificateInput,
  ): Promise<SuspendedCertificate> {
    const session = requireSession(this.sessions, token);
    const held = await this.mine.suspend(
      asCustomer(ctx, session.customerId),
      session,
      input.certificateId,
      input.confirm,
    );
    return { certificate: toKioskCertificate(held), releaseAtCounterOnly: true };
  }

  @Public()
  @Mutation(() => RenewedCertificates, {
    description: '憑證更新 within the month before expiry; idempotent per requestId.',
  })
  async renewCertificates(
    @Ctx() ctx: RequestContext,
    @CustomerSessionToken() token: string | null,
    @Args('input') input: RenewCertificatesInput,
  ): Promise<RenewedCertificates> {
    const session = requireSession(this.sessions, token);
    const { certificates, tokenRoom } = await this.renewal.renew(asCustomer(ctx, session.customerId), session, {
      certificateId: input.certificateId,
      signingCsr: input.signingCsr,
      encryptionCsr: input.encryptionCsr,
      proof: decodeAnswer(input.renewalProof),
      requestId: input.requestId,
    });
    return { certificates: certificates.map(toKioskCertificate), tokenRoom };
  }
}
