import { StaffRole } from '@app/contracts';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Branch } from '../branch/branch.entity';
import { Ctx, type RequestContext } from '../common/request-context';
import type { GqlContext } from '../graphql/gql-context';
import { Customer } from './customer.entity';
import { CustomerService } from './customer.service';
import { CreateCustomerInput, CustomerList, CustomerListArgs, UpdateCustomerInput } from './dto/customer.inputs';

@Resolver(() => Customer)
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class CustomerResolver {
  constructor(private readonly service: CustomerService) {}

  @Query(() => CustomerList)
  customers(@Ctx() ctx: RequestContext, @Args() args: CustomerListArgs): Promise<CustomerList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => Customer)
  customer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Customer> {
    return this.service.findOne(ctx, id);
  }

  @Roles(StaffRole.TELLER, StaffRole.ADMIN)
  @Mutation(() => Customer)
  createCustomer(@Ctx() ctx: RequestContext, @Args('input') input: CreateCustomerInput): Promise<Customer> {
    return this.service.create(ctx, input);
  }

  @Roles(StaffRole.TELLER, StaffRole.ADMIN)
  @Mutation(() => Customer)
  updateCustomer(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateCustomerInput,
  ): Promise<Customer> {
    return this.service.update(ctx, id, input);
  }

  @ResolveField(() => Branch)
  homeBranch(@Parent() customer: Customer, @Context() gql: GqlContext): Promise<Branch> {
    return gql.loaders.of(Branch).load(customer.homeBranchId);
  }
}
