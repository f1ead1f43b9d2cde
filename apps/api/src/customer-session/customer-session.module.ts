import { Module } from '@nestjs/common';
import { CertificateChallengeService } from './certificate-challenge.service';
import { CustomerSessionResolver } from './customer-session.resolver';
import { CustomerSessionService } from './customer-session.service';
import { MyTokenResolver } from './my-token.resolver';
import { MyTokenService } from './my-token.service';

@Module({
  providers: [
    CustomerSessionService,
    CertificateChallengeService,
    CustomerSessionResolver,
    MyTokenService,
    MyTokenResolver,
  ],
  exports: [CustomerSessionService, CertificateChallengeService],
})
export class CustomerSessionModule {}
