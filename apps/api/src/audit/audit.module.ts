import { Global, Module } from '@nestjs/common';
import { AuditQueryService } from './audit-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Global()
@Module({
  providers: [AuditService, AuditQueryService, AuditResolver],
  exports: [AuditService, AuditQueryService],
})
export class AuditModule {}
