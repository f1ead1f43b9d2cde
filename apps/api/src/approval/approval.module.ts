import { Module } from '@nestjs/common';
import { CaModule } from '../ca/ca.module';
import { ApprovalResolver } from './approval.resolver';
import { ApprovalService } from './approval.service';

@Module({ imports: [CaModule], providers: [ApprovalService, ApprovalResolver], exports: [ApprovalService] })
export class ApprovalModule {}
