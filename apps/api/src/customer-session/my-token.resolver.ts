import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { Ctx, type RequestContext } from '../common/request-context';
import { CustomerSessionToken, requireSession } from './customer-session.decorator';
import { CustomerSessionService } from './customer-session.service';
import { MyToken, MyTokenArgs } from './dto/my-token.dto';
import { MyTokenService } from './my-token.service';

/** The kiosk's question before a PIN change or a deletion on the token: is this token the customer's own? */
@Resolver()
export class MyTokenResolver {
  constructor(
    private readonly tokens: MyTokenService,
    private readonly sessions: CustomerSessionService,
  ) {}

  @Public()
  @Query(() => MyToken, {
    description:
      'The session customer’s ACTIVE registered token with this serial; TOKEN_NOT_YOURS for anyone else’s or an unknown one.',
  })
  async myToken(
    @Ctx() ctx: RequestContext,
    @CustomerSessionToken() token: string | null,
    @Args() args: MyTokenArgs,
  ): Promise<MyToken> {
    const session = requireSession(this.sessions, token);
    const { type, serial, status } = await this.tokens.find(ctx, session, args.serial);
    return { type, serial, status };
  }
}
