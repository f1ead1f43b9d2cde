import { Module } from '@nestjs/common';
import { ApplicationModule } from '../application/application.module';
import { CaModule } from '../ca/ca.module';
import { CustomerSessionModule } from '../customer-session/customer-session.module';
import { DocumentModule } from '../document/document.module';
import { EnrolmentResolver } from './enrolment.resolver';
import { EnrolmentService } from './enrolment.service';
import { MyCertificatesResolver } from './my-certificates.resolver';
import { MyCertificatesService } from './my-certificates.service';
import { MyProofSheetController } from './my-proof-sheet.controller';
import { RenewalService } from './renewal.service';

/** The kiosk's customer API: apply, download, install, own certificates, renewal, proof sheet. */
@Module({
  imports: [ApplicationModule, CaModule, CustomerSessionModule, DocumentModule],
  controllers: [MyProofSheetController],
  providers: [EnrolmentService, MyCertificatesService, RenewalService, EnrolmentResolver, MyCertificatesResolver],
  exports: [EnrolmentService],
})
export class EnrolmentModule {}
