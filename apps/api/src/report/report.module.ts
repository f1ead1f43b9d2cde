import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { BulkReminderService } from './bulk-reminder.service';
import { DashboardService } from './dashboard.service';
import { ReconciliationService } from './reconciliation.service';
import { ReportResolver } from './report.resolver';

@Module({
  imports: [MailModule],
  providers: [DashboardService, ReconciliationService, BulkReminderService, ReportResolver],
})
export class ReportModule {}
