import { type ErrorCode, errorMessage, faqPath } from '@app/contracts';
import type { NextFunction, Request, Response } from 'express';
import { localeOf } from '../common/request-context';

/** body-parser's own failures, before any route runs: too large, or not JSON at all. */
function bodyParserCode(error: unknown): ErrorCode | null {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return 'PAYLOAD_TOO_LARGE';
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return 'BAD_USER_INPUT';
  }
  return null;
}

/**
 * Express error middleware behind the body parsers: a body the server refused to read gets the same
 * error contract as everything else — a GraphQL error list on /graphql, `{ code, message, faq }`
 * elsewhere — translated by Accept-Language, instead of Express's bare `{ statusCode, message }`.
 */
export function bodyErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const code = bodyParserCode(error);
  if (!code) return next(error);
  const message = errorMessage(code, localeOf(req));
  const faq = faqPath(code);
  res
    .status(code === 'PAYLOAD_TOO_LARGE' ? 413 : 400)
    .json(req.path === '/graphql' ? { errors: [{ message, extensions: { code, faq } }] } : { code, message, faq });
}
