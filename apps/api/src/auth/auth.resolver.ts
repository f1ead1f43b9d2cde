import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '../common/request-context';
import { StaffUser } from '../staff/staff-user.entity';
import { StaffService } from '../staff/staff.service';
import { Public } from './auth.decorators';
import { GqlLocalAuthGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { SignInInput, SignInResult } from './dto/sign-in.dto';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly staff: StaffService,
  ) {}

  /** The local strategy has verified the credentials by the time this runs. */
  @Public()
  @UseGuards(GqlLocalAuthGuard)
  @Mutation(() => SignInResult)
  async signIn(@Args('input') _input: SignInInput, @Ctx() ctx: RequestContext): Promise<SignInResult> {
    const principal = ctx.staff!;
    const session = await this.auth.issueSession(principal);
    return { ...session, staff: await this.staff.findOne(ctx, principal.id) };
  }

  @Query(() => StaffUser, { description: 'The signed-in member of staff.' })
  me(@Ctx() ctx: RequestContext): Promise<StaffUser> {
    return this.staff.findOne(ctx, ctx.staff!.id);
  }
}
