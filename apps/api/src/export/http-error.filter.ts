import { DomainError, errorMessage, faqPath, type ErrorCode } from '@app/contracts';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { localeOf, type AppRequest } from '../common/request-context';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_BRANCH: 403,
  NOT_FOUND: 404,
  AUDIT_UNAVAILABLE: 503,
};

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/**
 * Errors of the plain-HTTP download endpoints as JSON `{ code, message, fields, faq }` in the caller's
 * language with a fitting status, like the GraphQL errors; anything unexpected only as INTERNAL_ERROR
 * with a correlation id. Once a download has started, the connection is cut instead.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Export');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AppRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const locale = localeOf(req);
    let error: DomainError;
    if (exception instanceof DomainError) error = exception;
    else if (exception instanceof HttpException && HTTP_CODES[exception.getStatus()]) {
      error = new DomainError(HTTP_CODES[exception.getStatus()]);
    } else {
      const correlationId = randomUUID();
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`[${correlationId}] ${err.name}: ${err.message}`, err.stack);
      error = new DomainError('INTERNAL_ERROR', { correlationId });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(STATUS[error.code] ?? (error.code === 'INTERNAL_ERROR' ? 500 : 422)).json({
      code: error.code,
      message: errorMessage(error.code, locale, error.details),
      fields: error.fields.map((f) => ({
        field: f.field,
        code: f.code,
        message: errorMessage(f.code, locale, f.params),
      })),
      faq: faqPath(error.code),
    });
  }
}
