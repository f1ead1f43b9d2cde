import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { asCustomer, Ctx, type AppRequest, type RequestContext } from '../common/request-context';
import { CUSTOMER_SESSION_HEADER, requireSession } from '../customer-session/customer-session.decorator';
import { CustomerSessionService } from '../customer-session/customer-session.service';
import { DocumentExceptionFilter } from '../document/document-exception.filter';
import { sendPdf } from '../document/pdf-response';
import { MyCertificatesService } from './my-certificates.service';

/** 憑證證明單 for the customer's own certificate (manual 3.10), with the customer session header. */
@Controller('kiosk')
@UseFilters(DocumentExceptionFilter)
export class MyProofSheetController {
  constructor(
    private readonly mine: MyCertificatesService,
    private readonly sessions: CustomerSessionService,
  ) {}

  @Public()
  @Post('certificates/:id/proof-sheet')
  @HttpCode(200)
  async proofSheet(
    @Ctx() ctx: RequestContext,
    @Req() req: AppRequest,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const header = req.headers[CUSTOMER_SESSION_HEADER];
    const session = requireSession(this.sessions, typeof header === 'string' ? header : null);
    const { pdf, serialHex } = await this.mine.proofSheet(asCustomer(ctx, session.customerId), session, id);
    sendPdf(res, pdf, `proof-${serialHex}.pdf`);
  }
}
