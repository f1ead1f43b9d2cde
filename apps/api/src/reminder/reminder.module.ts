import { Module } from '@nestjs/common';
import { LeaseModule } from '../lease/lease.module';
import { MailModule } from '../mail/mail.module';
import { ExpiryReminderJob } from './expiry-reminder.job';
import { ExpiryReminderService } from './expiry-reminder.service';

@Module({
  imports: [MailModule, LeaseModule],
  providers: [ExpiryReminderService, ExpiryReminderJob],
  exports: [ExpiryReminderService, ExpiryReminderJob],
})
export class ReminderModule {}
