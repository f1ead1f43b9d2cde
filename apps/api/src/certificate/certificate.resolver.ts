import { RevocationReason, StaffRole } from '@app/contracts';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UnsuspendRequest } from '../approval/unsuspend-request.entity';
import { Roles } from '../auth/auth.decorators';
import { Branch } from '../branch/branch.entity';
import { Ctx, type RequestContext } from '../common/request-context';
import { Customer } from '../customer/customer.entity';
import type { GqlContext } from '../graphql/gql-context';
import { Token } from '../token/token.entity';
import { certificateDetails } from './certificate-details';
import { Certificate } from './certificate.entity';
import { CertificateService } from './certificate.service';
import { CertificateEvent } from './dto/certificate-event';
import { CertificateList, CertificateListArgs } from './dto/certificate.inputs';

/** Certificates at the counter: every role reads its branch's; tellers hold and revoke on request. */
@Resolver(() => Certificate)
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class CertificateResolver {
  constructor(private readonly service: CertificateService) {}

  @Query(() => CertificateList)
  certificates(@Ctx() ctx: RequestContext, @Args() args: CertificateListArgs): Promise<CertificateList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => Certificate)
  certificate(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Certificate> {
    return this.service.findOne(ctx, id);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => Certificate, { description: '憑證暫禁 on the customer’s request; a new CRL lists it on hold.' })
  suspendCertificate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<Certificate> {
    return this.service.suspend(ctx, id, version);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => Certificate, { description: '憑證廢止 on the customer’s request: final.' })
  revokeCertificate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => RevocationReason }) reason: RevocationReason,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<Certificate> {
    return this.service.revoke(ctx, id, reason, version);
  }

  @ResolveField(() => String, { nullable: true, description: 'Issuer DN, most specific attribute first.' })
  issuerDn(@Parent() c: Certificate): string | null {
    return certificateDetails(c.der).issuerDn;
  }

  @ResolveField(() => String, { nullable: true, description: 'SHA-256 of the DER, colon-separated hex.' })
  fingerprintSha256(@Parent() c: Certificate): string | null {
    return certificateDetails(c.der).fingerprintSha256;
  }

  @ResolveField(() => [CertificateEvent], { description: 'Its audit events, oldest first.' })
  history(@Parent() c: Certificate): Promise<CertificateEvent[]> {
    return this.service.history(c.id);
  }

  @ResolveField(() => UnsuspendRequest, { nullable: true })
  pendingUnsuspend(@Parent() c: Certificate): Promise<UnsuspendRequest | null> {
    return this.service.pendingUnsuspend(c.id);
  }

  @ResolveField(() => Customer)
  customer(@Parent() c: Certificate, @Context() gql: GqlContext): Promise<Customer> {
    return gql.loaders.of(Customer).load(c.customerId);
  }

  @ResolveField(() => Token, { nullable: true })
  token(@Parent() c: Certificate, @Context() gql: GqlContext): Promise<Token | null> {
    return gql.loaders.optional(Token, c.tokenId);
  }

  @ResolveField(() => Branch)
  branch(@Parent() c: Certificate, @Context() gql: GqlContext): Promise<Branch> {
    return gql.loaders.of(Branch).load(c.branchId);
  }
}
