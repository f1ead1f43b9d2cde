import { StaffRole } from '@app/contracts';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { Ctx, type RequestContext } from '../common/request-context';
import { DocumentExceptionFilter } from './document-exception.filter';
import { PrintNoticeBody } from './dto/print-notice.body';
import { PasswordNoticeService } from './password-notice.service';
import { sendPdf } from './pdf-response';
import { ProofSheetService } from './proof-sheet.service';

/**
 * Printouts, as REST because they are bytes. POST: each print changes something (a new password) or
 * is audited, and must never be replayed from a cache or a prefetch.
 */
@Controller('documents')
@UseFilters(DocumentExceptionFilter)
export class DocumentController {
  constructor(
    private readonly notices: PasswordNoticeService,
    private readonly proofSheets: ProofSheetService,
  ) {}

  @Post('applications/:id/notice')
  @Roles(StaffRole.TELLER)
  @HttpCode(200)
  async printNotice(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PrintNoticeBody,
    @Res() res: Response,
  ): Promise<void> {
    const { pdf, noticeNumber } = await this.notices.print(ctx, id, {
      reissue: body.reissue ?? false,
      version: body.version,
    });
    sendPdf(res, pdf, `notice-${noticeNumber}.pdf`);
  }

  @Post('certificates/:id/proof-sheet')
  @Roles(StaffRole.TELLER, StaffRole.SUPERVISOR, StaffRole.ADMIN)
  @HttpCode(200)
  async printProofSheet(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { pdf, serialHex } = await this.proofSheets.print(ctx, id);
    sendPdf(res, pdf, `proof-${serialHex}.pdf`);
  }
}
