import { StaffRole } from '@app/contracts';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { In, DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { Ctx, type AppRequest, type RequestContext } from '../common/request-context';
import type { GqlContext } from '../graphql/gql-context';
import { StaffUser } from '../staff/staff-user.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditQueryService } from './audit-query.service';
import { AuditEventList, AuditEventListArgs } from './dto/audit.inputs';

/** The audit browser: read-only, supervisors (their branch) and admins (all branches). */
@Resolver(() => AuditEvent)
@Roles(StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class AuditResolver {
  private readonly usernames = new WeakMap<AppRequest, DataLoader<string, string | null>>();

  constructor(
    private readonly service: AuditQueryService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => AuditEventList)
  auditEvents(@Ctx() ctx: RequestContext, @Args() args: AuditEventListArgs): Promise<AuditEventList> {
    return this.service.list(ctx, args, args.filter);
  }

  @Query(() => AuditEvent)
  auditEvent(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AuditEvent> {
    return this.service.findOne(ctx, id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Username of the member of staff who acted.' })
  actorUsername(@Parent() event: AuditEvent, @Context() gql: GqlContext): Promise<string | null> {
    if (event.actorType !== 'STAFF' || !event.actorId) return Promise.resolve(null);
    return this.usernameLoader(gql.req).load(event.actorId);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record before the change, as JSON.' })
  beforeJson(@Parent() event: AuditEvent): string | null {
    return event.before ? JSON.stringify(event.before) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The record after the change, as JSON.' })
  afterJson(@Parent() event: AuditEvent): string | null {
    return event.after ? JSON.stringify(event.after) : null;
  }

  private usernameLoader(req: AppRequest): DataLoader<string, string | null> {
    let loader = this.usernames.get(req);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const staff = await this.dataSource.getRepository(StaffUser).find({
          select: { id: true, username: true },
          where: { id: In([...ids]) },
        });
        const byId = new Map(staff.map((s) => [s.id, s.username]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.usernames.set(req, loader);
    }
    return loader;
  }
}
