import { isErrorCode } from '@app/contracts';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { internalError } from './graphql-exception.filter';

/** Apollo's own request-level codes: their messages name parts of the query, never variable values. */
const APOLLO_SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

const logger = new Logger('GraphQL');

/**
 * The last gate before the wire: only our codes and Apollo's request-level errors pass, without
 * stack traces. A variable that failed coercion is reported without its value (it may be a password).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const { path, locations } = formatted;
  // Ours carry their code as the message until the i18n plugin translates it; Apollo's own
  // BAD_USER_INPUT (variable coercion) carries free text that may echo a secret.
  if (isErrorCode(code) && formatted.message === code) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, path, locations, extensions };
  }
  if (typeof code === 'string' && APOLLO_SAFE_CODES.has(code)) {
    return { message: formatted.message, locations, extensions: { code } };
  }
  if (code === 'BAD_USER_INPUT') {
    return { message: 'BAD_USER_INPUT', locations, extensions: { code: 'BAD_USER_INPUT', fields: [] } };
  }
  const safe = internalError(error, logger);
  return { message: safe.message, path, extensions: safe.extensions };
}
