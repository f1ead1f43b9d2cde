import { StaffRole } from '@app/contracts';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Certificate } from '../certificate/certificate.entity';
import { Ctx, type RequestContext } from '../common/request-context';
import type { GqlContext } from '../graphql/gql-context';
import { StaffUser } from '../staff/staff-user.entity';
import { ApprovalService } from './approval.service';
import { ApprovalList, ApprovalListArgs, RejectRequestArgs, RequestUnsuspendInput } from './dto/approval.inputs';
import { UnsuspendRequest } from './unsuspend-request.entity';

/** 憑證解禁 with four eyes: tellers ask, supervisors of the same branch decide. */
@Resolver(() => UnsuspendRequest)
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class ApprovalResolver {
  constructor(private readonly service: ApprovalService) {}

  @Query(() => ApprovalList, { description: 'Unsuspend requests of the branch, oldest first.' })
  approvals(@Ctx() ctx: RequestContext, @Args() args: ApprovalListArgs): Promise<ApprovalList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => UnsuspendRequest)
  approval(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<UnsuspendRequest> {
    return this.service.findOne(ctx, id);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => UnsuspendRequest, {
    description: 'Records the identity check; waits for a supervisor unless UNSUSPEND_REQUIRES_APPROVAL is false.',
  })
  requestUnsuspend(@Ctx() ctx: RequestContext, @Args('input') input: RequestUnsuspendInput): Promise<UnsuspendRequest> {
    return this.service.request(ctx, input);
  }

  @Roles(StaffRole.SUPERVISOR)
  @Mutation(() => UnsuspendRequest)
  approveRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<UnsuspendRequest> {
    return this.service.approve(ctx, id);
  }

  @Roles(StaffRole.SUPERVISOR)
  @Mutation(() => UnsuspendRequest)
  rejectRequest(@Ctx() ctx: RequestContext, @Args() args: RejectRequestArgs): Promise<UnsuspendRequest> {
    return this.service.rejectRequest(ctx, args.id, args.reason);
  }

  @ResolveField(() => Certificate)
  certificate(@Parent() r: UnsuspendRequest, @Context() gql: GqlContext): Promise<Certificate> {
    return gql.loaders.of(Certificate).load(r.certificateId);
  }

  @ResolveField(() => StaffUser)
  requestedBy(@Parent() r: UnsuspendRequest, @Context() gql: GqlContext): Promise<StaffUser> {
    return gql.loaders.of(StaffUser).load(r.requestedById);
  }

  @ResolveField(() => StaffUser, { nullable: true })
  decidedBy(@Parent() r: UnsuspendRequest, @Context() gql: GqlContext): Promise<StaffUser | null> {
    return gql.loaders.optional(StaffUser, r.decidedById);
  }
}
