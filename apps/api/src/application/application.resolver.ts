import { StaffRole } from '@app/contracts';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Branch } from '../branch/branch.entity';
import { Ctx, type RequestContext } from '../common/request-context';
import { Customer } from '../customer/customer.entity';
import type { GqlContext } from '../graphql/gql-context';
import { StaffUser } from '../staff/staff-user.entity';
import { ApplicationService } from './application.service';
import { CounterApplication } from './counter-application.entity';
import {
  ApplicationList,
  ApplicationListArgs,
  ApplicationNotice,
  RegisterApplicationInput,
} from './dto/application.inputs';

/** Counter applications as staff see them: never a password, only the live notice's number and validity. */
@Resolver(() => CounterApplication)
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class ApplicationResolver {
  constructor(private readonly service: ApplicationService) {}

  @Query(() => ApplicationList)
  applications(@Ctx() ctx: RequestContext, @Args() args: ApplicationListArgs): Promise<ApplicationList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => CounterApplication)
  application(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CounterApplication> {
    return this.service.findOne(ctx, id);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => CounterApplication)
  registerApplication(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RegisterApplicationInput,
  ): Promise<CounterApplication> {
    return this.service.register(ctx, input);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => CounterApplication)
  cancelApplication(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<CounterApplication> {
    return this.service.cancel(ctx, id, version);
  }

  @ResolveField(() => Customer)
  customer(@Parent() application: CounterApplication, @Context() gql: GqlContext): Promise<Customer> {
    return gql.loaders.of(Customer).load(application.customerId);
  }

  @ResolveField(() => Branch)
  branch(@Parent() application: CounterApplication, @Context() gql: GqlContext): Promise<Branch> {
    return gql.loaders.of(Branch).load(application.branchId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Username of the teller who registered the application; null for one made online (FEDI conversion).',
  })
  async tellerUsername(@Parent() application: CounterApplication, @Context() gql: GqlContext): Promise<string | null> {
    if (!application.tellerId) return null;
    return (await gql.loaders.of(StaffUser).load(application.tellerId)).username;
  }

  @ResolveField(() => ApplicationNotice, { nullable: true, description: 'The live password notice, if any.' })
  notice(@Parent() application: CounterApplication, @Context() gql: GqlContext): Promise<ApplicationNotice | null> {
    return gql.loaders.keyed('liveNotice', (ids) => this.service.liveNotices(ids)).load(application.id);
  }
}
