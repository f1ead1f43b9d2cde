import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalModule } from './approval/approval.module';
import { ApplicationModule } from './application/application.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CaModule } from './ca/ca.module';
import { CertificateModule } from './certificate/certificate.module';
import { BranchModule } from './branch/branch.module';
import { ConfigModule } from './config/config.module';
import { ENV, type Env } from './config/env';
import { CustomerModule } from './customer/customer.module';
import { CustomerSessionModule } from './customer-session/customer-session.module';
import { dataSourceOptions } from './database/data-source-options';
import { ExportModule } from './export/export.module';
import { FediModule } from './fedi/fedi.module';
import { DocumentModule } from './document/document.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { AppGraphqlModule } from './graphql/graphql.module';
import { HealthController } from './health/health.controller';
import { KioskModule } from './kiosk/kiosk.module';
import { ReminderModule } from './reminder/reminder.module';
import { ReportModule } from './report/report.module';
import { StaffModule } from './staff/staff.module';
import { TokenModule } from './token/token.module';

@Module({
  imports: [
    ConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ ...dataSourceOptions(env), retryAttempts: 3, retryDelay: 1000 }),
    }),
    AuditModule,
    BranchModule,
    AppGraphqlModule,
    AuthModule,
    StaffModule,
    CustomerModule,
    ApplicationModule,
    DocumentModule,
    CaModule,
    ExportModule,
    ReminderModule,
    TokenModule,
    CertificateModule,
    ApprovalModule,
    KioskModule,
    ReportModule,
    CustomerSessionModule,
    EnrolmentModule,
    FediModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
