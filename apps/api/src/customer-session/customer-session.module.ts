import { Module } from '@nestjs/common';
import { CertificateChallengeService } from './certificate-challenge.service';
import { CustomerSessionResolver } from './customer-session.resolver';
import { CustomerSessionService } from './customer-session.service';

@Module({
  providers: [CustomerSessionService, CertificateChallengeService, CustomerSessionResolver],
  exports: [CustomerSessionService, CertificateChallengeService],
})
export class CustomerSessionModule {}
