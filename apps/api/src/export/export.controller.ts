import { StaffRole } from '@app/contracts';
import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { AuditEventFilter } from '../audit/dto/audit.inputs';
import { Ctx, type RequestContext } from '../common/request-context';
import { ApplicationExportFilter, CertificateExportFilter } from './dto/export-filters';
import { ExportService } from './export.service';
import { HttpErrorFilter } from './http-error.filter';

/** `GET /exports/*.csv` with a Bearer session: the same filters as the lists, as query parameters. */
@Controller('exports')
@Roles(StaffRole.SUPERVISOR, StaffRole.ADMIN)
@UseFilters(HttpErrorFilter)
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('audit.csv')
  audit(@Ctx() ctx: RequestContext, @Query() filter: AuditEventFilter, @Res() res: Response): Promise<void> {
    return this.exports.auditEvents(ctx, filter, res);
  }

  @Get('certificates.csv')
  certificates(
    @Ctx() ctx: RequestContext,
    @Query() filter: CertificateExportFilter,
    @Res() res: Response,
  ): Promise<void> {
    return this.exports.certificates(ctx, filter, res);
  }

  @Get('applications.csv')
  applications(
    @Ctx() ctx: RequestContext,
    @Query() filter: ApplicationExportFilter,
    @Res() res: Response,
  ): Promise<void> {
    return this.exports.applications(ctx, filter, res);
  }
}
