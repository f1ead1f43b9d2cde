import { Module } from '@nestjs/common';
import { CaState } from './ca-state';
import { CertificateStatusService } from './certificate-status.service';
import { CrlPublisher } from './crl.publisher';
import { ExpiryJob } from './expiry.job';
import { IssuanceService } from './issuance.service';
import { IssuanceWorker } from './issuance.worker';
import { OcspResponder } from './ocsp.responder';
import { OcspSignerProvider } from './ocsp-signer';
import { PkiController } from './pki.controller';

@Module({
  providers: [
    CaState,
    CrlPublisher,
    IssuanceService,
    IssuanceWorker,
    CertificateStatusService,
    OcspResponder,
    OcspSignerProvider,
    ExpiryJob,
  ],
  controllers: [PkiController],
  exports: [CaState, IssuanceService, CertificateStatusService, CrlPublisher],
})
export class CaModule {}
