import { StaffRole } from '@app/contracts';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Branch } from '../branch/branch.entity';
import { Ctx, type RequestContext } from '../common/request-context';
import { Customer } from '../customer/customer.entity';
import type { GqlContext } from '../graphql/gql-context';
import { RegisterTokenInput, TokenList, TokenListArgs } from './dto/token.inputs';
import { Token } from './token.entity';
import { TokenService } from './token.service';

/** Tokens at the counter: every role reads its branch's, only tellers hand out and write off. */
@Resolver(() => Token)
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class TokenResolver {
  constructor(private readonly service: TokenService) {}

  @Query(() => TokenList)
  tokens(@Ctx() ctx: RequestContext, @Args() args: TokenListArgs): Promise<TokenList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => Token)
  token(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Token> {
    return this.service.findOne(ctx, id);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => Token)
  registerToken(@Ctx() ctx: RequestContext, @Args('input') input: RegisterTokenInput): Promise<Token> {
    return this.service.register(ctx, input);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => Token, { description: 'Marks the token LOST and puts its certificates on hold (new CRL).' })
  reportTokenLost(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<Token> {
    return this.service.reportLost(ctx, id, version);
  }

  @Roles(StaffRole.TELLER)
  @Mutation(() => Token)
  retireToken(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<Token> {
    return this.service.retire(ctx, id, version);
  }

  @ResolveField(() => Customer, { nullable: true })
  owner(@Parent() token: Token, @Context() gql: GqlContext): Promise<Customer | null> {
    return gql.loaders.optional(Customer, token.ownerCustomerId);
  }

  @ResolveField(() => Branch)
  branch(@Parent() token: Token, @Context() gql: GqlContext): Promise<Branch> {
    return gql.loaders.of(Branch).load(token.branchId);
  }
}
