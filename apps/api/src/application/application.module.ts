import { Module } from '@nestjs/common';
import { ApplicationExpiryJob } from './application-expiry.job';
import { ApplicationKioskResolver } from './application-kiosk.resolver';
import { ApplicationPasswordService } from './application-password.service';
import { ApplicationTicketService } from './application-ticket.service';
import { ApplicationResolver } from './application.resolver';
import { ApplicationService } from './application.service';

@Module({
  providers: [
    ApplicationService,
    ApplicationPasswordService,
    ApplicationTicketService,
    ApplicationResolver,
    ApplicationKioskResolver,
    ApplicationExpiryJob,
  ],
  exports: [ApplicationService, ApplicationPasswordService, ApplicationTicketService],
})
export class ApplicationModule {}
