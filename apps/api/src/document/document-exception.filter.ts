import { DomainError, errorMessage, faqPath, type ErrorCode } from '@app/contracts';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { localeOf, type AppRequest } from '../common/request-context';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_BRANCH: 403,
  APPLICATION_NOT_FOUND: 404,
  CERTIFICATE_NOT_FOUND: 404,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

/**
 * The PDF endpoints answer errors as JSON in the GraphQL error's shape (code, translated message,
 * FAQ link), so the console shows them the same way; anything unexpected is logged with a
 * correlation id and reaches the client as INTERNAL_ERROR only.
 */
@Catch()
export class DocumentExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Documents');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const locale = localeOf(http.getRequest<AppRequest>());
    let error: DomainError;
    let params: Record<string, unknown>;
    if (exception instanceof DomainError) {
      error = exception;
      params = { ...exception.details };
    } else if (exception instanceof HttpException && exception.getStatus() === 404) {
      error = new DomainError('NOT_FOUND');
      params = {};
    } else {
      const correlationId = randomUUID();
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`[${correlationId}] ${err.name}: ${err.message}`, err.stack);
      error = new DomainError('INTERNAL_ERROR');
      params = { correlationId };
    }
    const status = STATUS[error.code] ?? (error.code === 'INTERNAL_ERROR' ? 500 : 409);
    res
      .status(status)
      .setHeader('Cache-Control', 'no-store')
      .json({
        code: error.code,
        message: errorMessage(error.code, locale, params),
        params,
        faq: faqPath(error.code),
      });
  }
}
