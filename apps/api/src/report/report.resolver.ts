import { StaffRole } from '@app/contracts';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { Ctx, type RequestContext } from '../common/request-context';
import { BulkReminderService } from './bulk-reminder.service';
import { DashboardService } from './dashboard.service';
import { BulkRemindArgs, BulkResult } from './dto/bulk-remind';
import { Dashboard, DashboardArgs } from './dto/dashboard-figures';
import { Reconciliation, ReconciliationArgs } from './dto/reconciliation';
import { ReconciliationService } from './reconciliation.service';

/** Figures for the branch (an admin: for the bank and per branch), the day's reconciliation, bulk reminders. */
@Resolver()
@Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
export class ReportResolver {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly reconciliations: ReconciliationService,
    private readonly reminders: BulkReminderService,
  ) {}

  @Query(() => Dashboard, { description: 'Certificate, application, token and approval figures, read now.' })
  dashboard(@Ctx() ctx: RequestContext, @Args() args: DashboardArgs): Promise<Dashboard> {
    return this.dashboards.figures(ctx, args.branchId);
  }

  @Query(() => Reconciliation, { description: '日結對帳: prints, registrations and completions of one Taipei day.' })
  reconciliation(@Ctx() ctx: RequestContext, @Args() args: ReconciliationArgs): Promise<Reconciliation> {
    return this.reconciliations.forDay(ctx, args.date, args.branchId);
  }

  @Roles(StaffRole.SUPERVISOR, StaffRole.ADMIN)
  @Mutation(() => BulkResult, {
    description: 'Sends the expiry reminder now for each selected certificate, audited per row.',
  })
  bulkRemind(@Ctx() ctx: RequestContext, @Args() args: BulkRemindArgs): Promise<BulkResult> {
    return this.reminders.remind(ctx, args.certificateIds);
  }
}
