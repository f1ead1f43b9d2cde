import { Module } from '@nestjs/common';
import { ApplicationModule } from '../application/application.module';
import { DocumentController } from './document.controller';
import { PasswordNoticeService } from './password-notice.service';
import { ProofSheetService } from './proof-sheet.service';

@Module({
  imports: [ApplicationModule],
  controllers: [DocumentController],
  providers: [PasswordNoticeService, ProofSheetService],
  exports: [ProofSheetService],
})
export class DocumentModule {}
