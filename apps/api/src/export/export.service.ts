import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditQueryService } from '../audit/audit-query.service';
import { auditBranchScope } from '../audit/audit-scope';
import { AuditService } from '../audit/audit.service';
import type { AuditEventFilter } from '../audit/dto/audit.inputs';
import { branchScope } from '../common/branch-scope';
import type { RequestContext } from '../common/request-context';
import { APPLICATION_HEADER, applicationLine, applicationRows } from './application-export';
import { actorNames, AUDIT_HEADER, auditLine, withActorNames } from './audit-export';
import { CERTIFICATE_HEADER, certificateLine, certificateRows } from './certificate-export';
import { streamCsv } from './csv';
import type { ApplicationExportFilter, CertificateExportFilter } from './dto/export-filters';

/**
 * CSV downloads of the filtered lists, in the caller's branch scope. Each export is audited, with its
 * filter, before the first byte goes out: no audit row, no file.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auditQuery: AuditQueryService,
  ) {}

  async auditEvents(ctx: RequestContext, filter: AuditEventFilter, res: Response): Promise<void> {
    auditBranchScope(ctx);
    await this.recordExport(ctx, 'AUDIT_EXPORTED', filter);
    const rows = withActorNames(this.auditQuery.stream(ctx, filter), actorNames(this.dataSource));
    await this.send(res, 'audit', AUDIT_HEADER[ctx.locale], rows, auditLine);
  }

  async certificates(ctx: RequestContext, filter: CertificateExportFilter, res: Response): Promise<void> {
    const scope = branchScope(ctx);
    await this.recordExport(ctx, 'CERTIFICATES_EXPORTED', filter);
    const rows = certificateRows(this.dataSource, scope, filter);
    await this.send(res, 'certificates', CERTIFICATE_HEADER[ctx.locale], rows, certificateLine);
  }

  async applications(ctx: RequestContext, filter: ApplicationExportFilter, res: Response): Promise<void> {
    const scope = branchScope(ctx);
    await this.recordExport(ctx, 'APPLICATIONS_EXPORTED', filter);
    const rows = applicationRows(this.dataSource, scope, filter);
    await this.send(res, 'applications', APPLICATION_HEADER[ctx.locale], rows, applicationLine);
  }

  private recordExport(ctx: RequestContext, action: string, filter: object): Promise<void> {
    return this.dataSource.transaction((m) =>
      this.audit.record(m, ctx, { action, targetType: 'Export', targetId: null, after: { filter: { ...filter } } }),
    );
  }

  private async send<T>(
    res: Response,
    name: string,
    header: readonly string[],
    rows: AsyncIterable<T>,
    toLine: Parameters<typeof streamCsv<T>>[4],
  ): Promise<void> {
    const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const count = await streamCsv(res, `${name}-${stamp}.csv`, header, rows, toLine);
    this.logger.log(`${name} export: ${count} rows`);
  }
}
