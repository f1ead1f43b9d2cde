import { StaffRole } from '@app/contracts';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Branch } from '../branch/branch.entity';
import { Ctx, type RequestContext } from '../common/request-context';
import type { GqlContext } from '../graphql/gql-context';
import { CreateStaffUserInput, StaffUserList, StaffUserListArgs, UpdateStaffUserInput } from './dto/staff.inputs';
import { StaffUser } from './staff-user.entity';
import { StaffService } from './staff.service';

@Resolver(() => StaffUser)
@Roles(StaffRole.ADMIN)
export class StaffResolver {
  constructor(private readonly service: StaffService) {}

  @Query(() => StaffUserList)
  staffUsers(@Ctx() ctx: RequestContext, @Args() args: StaffUserListArgs): Promise<StaffUserList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => StaffUser)
  staffUser(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StaffUser> {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => StaffUser)
  createStaffUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateStaffUserInput): Promise<StaffUser> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => StaffUser)
  updateStaffUser(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateStaffUserInput,
  ): Promise<StaffUser> {
    return this.service.update(ctx, id, input);
  }

  /** Field resolvers run without guards: whoever could read the staff record reads its branch (e.g. `me`). */
  @ResolveField(() => Branch)
  branch(@Parent() staff: StaffUser, @Context() gql: GqlContext): Promise<Branch> {
    return gql.loaders.of(Branch).load(staff.branchId);
  }
}
