import { Module } from '@nestjs/common';
import { CustomerSessionModule } from '../customer-session/customer-session.module';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { FediConversionService } from './fedi-conversion.service';
import { FediResolver } from './fedi.resolver';
import { FediTicketService } from './fedi-ticket.service';
import { FediTrust } from './fedi-trust';

/** The online FEDI → FXML conversion (manual 3.17). */
@Module({
  imports: [CustomerSessionModule, EnrolmentModule],
  providers: [FediTrust, FediTicketService, FediConversionService, FediResolver],
})
export class FediModule {}
