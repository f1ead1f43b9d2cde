import { Module } from '@nestjs/common';
import { CaModule } from '../ca/ca.module';
import { CertificateResolver } from './certificate.resolver';
import { CertificateService } from './certificate.service';

@Module({ imports: [CaModule], providers: [CertificateService, CertificateResolver], exports: [CertificateService] })
export class CertificateModule {}
