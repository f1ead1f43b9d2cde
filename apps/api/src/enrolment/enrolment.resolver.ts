import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { CaState } from '../ca/ca-state';
import { asCustomer, Ctx, type RequestContext } from '../common/request-context';
import { CustomerSessionToken, requireSession } from '../customer-session/customer-session.decorator';
import { CustomerSessionService } from '../customer-session/customer-session.service';
import {
  ConfirmInstalledInput,
  DownloadCertificatesInput,
  SubmitApplicationRequestsInput,
} from './dto/enrolment.inputs';
import { DownloadedCertificates, KioskCertificate, SubmittedApplication, TermsOfUse } from './dto/enrolment.types';
import { EnrolmentService } from './enrolment.service';
import { toKioskCertificate } from './kiosk-certificate.view';
import { toSubmittedApplication } from './submitted-application.view';
import { TERMS_OF_USE } from './terms-of-use';

/**
 * The kiosk's apply and download steps (manual 3.1–3.3, 3.7). Public for the staff guard: the
 * application ticket or the X-Customer-Session header is the customer's credential.
 */
@Resolver()
export class EnrolmentResolver {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly sessions: CustomerSessionService,
    private readonly ca: CaState,
  ) {}

  @Public()
  @Query(() => TermsOfUse)
  termsOfUse(@Ctx() ctx: RequestContext): TermsOfUse {
    return {
      version: TERMS_OF_USE.version,
      text: TERMS_OF_USE[ctx.locale],
      textZhTw: TERMS_OF_USE['zh-TW'],
      textEn: TERMS_OF_USE.en,
    };
  }

  @Public()
  @Mutation(() => SubmittedApplication, {
    description: 'The signing and encryption requests of an opened application; idempotent per requestId.',
  })
  async submitApplicationRequests(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SubmitApplicationRequestsInput,
  ): Promise<SubmittedApplication> {
    return toSubmittedApplication(await this.enrolment.apply(ctx, input), this.sessions);
  }

  @Public()
  @Mutation(() => DownloadedCertificates, {
    description:
      'Issued certificates to install, with the CA chain: 6025 while issuing, 6036 if none, 80092004 if not for these keys.',
  })
  async downloadCertificates(
    @CustomerSessionToken() token: string | null,
    @Args('input', { nullable: true }) input?: DownloadCertificatesInput,
  ): Promise<DownloadedCertificates> {
    const session = requireSession(this.sessions, token);
    const keys = input?.publicKeys ? input.publicKeys.map((k) => new Uint8Array(Buffer.from(k, 'base64'))) : null;
    const certificates = await this.enrolment.download(session, keys);
    const { issuer, root } = this.ca.ca;
    return {
      certificates: certificates.map((c) => ({
        id: c.id,
        serialHex: c.serialHex,
        usage: c.usage,
        der: c.der!.toString('base64'),
        publicKey: c.publicKey!.toString('base64'),
      })),
      chain: [issuer.certificate.der, root.der].map((der) => Buffer.from(der).toString('base64')),
    };
  }

  @Public()
  @Mutation(() => [KioskCertificate], { description: 'The kiosk installed these certificates: they become ACTIVE.' })
  async confirmInstalled(
    @Ctx() ctx: RequestContext,
    @CustomerSessionToken() token: string | null,
    @Args('input') input: ConfirmInstalledInput,
  ): Promise<KioskCertificate[]> {
    const session = requireSession(this.sessions, token);
    return (
      await this.enrolment.confirmInstalled(asCustomer(ctx, session.customerId), session, input.certificateIds)
    ).map(toKioskCertificate);
  }
}
