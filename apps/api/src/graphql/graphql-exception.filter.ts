import { DomainError, type ErrorCode } from '@app/contracts';
import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { OptimisticLockVersionMismatchError } from 'typeorm';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'SIGN_IN_THROTTLED',
};

/** Builds the error the client sees; its message is translated later, per request, by the i18n plugin. */
export function domainGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.code, {
    extensions: { code: error.code, params: error.details, fields: error.fields },
  });
}

/**
 * Every exception a resolver, guard or pipe throws ends here. Expected failures keep their code;
 * anything else is logged with a correlation id and reaches the client as INTERNAL_ERROR only.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof DomainError) return domainGraphQLError(exception);
    if (exception instanceof OptimisticLockVersionMismatchError) {
      return domainGraphQLError(new DomainError('STALE_UPDATE'));
    }
    if (exception instanceof HttpException && HTTP_CODES[exception.getStatus()]) {
      return domainGraphQLError(new DomainError(HTTP_CODES[exception.getStatus()]));
    }
    return internalError(exception, this.logger);
  }
}

export function internalError(exception: unknown, logger: Logger): GraphQLError {
  const correlationId = randomUUID();
  const err = exception instanceof Error ? exception : new Error(String(exception));
  logger.error(`[${correlationId}] ${err.name}: ${err.message}`, err.stack);
  return new GraphQLError('INTERNAL_ERROR', {
    extensions: { code: 'INTERNAL_ERROR', params: { correlationId }, correlationId },
  });
}
