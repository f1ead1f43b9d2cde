import { StaffRole } from '@app/contracts';
import { Args, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { ListArgs } from '../common/dto/list-args';
import { Paginated } from '../common/dto/paginated';
import { Ctx, type RequestContext } from '../common/request-context';
import { MailOutboxMessage } from './mail-outbox.entity';
import { MailOutboxService } from './mail-outbox.service';

@ObjectType()
export class MailOutboxList extends Paginated(MailOutboxMessage) {}

@Resolver(() => MailOutboxMessage)
@Roles(StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class MailOutboxResolver {
  constructor(private readonly service: MailOutboxService) {}

  @Query(() => MailOutboxList)
  mailOutbox(@Ctx() ctx: RequestContext, @Args() args: ListArgs): Promise<MailOutboxList> {
    return this.service.list(ctx, args);
  }

  @Query(() => MailOutboxMessage)
  mailOutboxMessage(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MailOutboxMessage> {
    return this.service.findOne(ctx, id);
  }
}
