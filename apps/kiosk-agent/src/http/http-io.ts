import { type IncomingMessage, type ServerResponse } from 'node:http';
import {
  type AgentErrorBody,
  DomainError,
  type ErrorCode,
  type ErrorDefinition,
  errorMessage,
  ERRORS,
  faqPath,
  type Locale,
} from '@app/contracts';

/** HTTP status of each code the agent answers with; anything not listed is 422 (a refused operation). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  AGENT_ORIGIN_REFUSED: 403,
  AGENT_HOST_REFUSED: 403,
  AGENT_PAIRING_REQUIRED: 401,
  AGENT_PAIRING_INVALID: 401,
  AGENT_PAIRING_EXPIRED: 401,
  AGENT_SESSION_ENDED: 409,
  AGENT_STORE_LOCKED: 409,
  TOKEN_BUTTON_TIMEOUT: 408,
  TOKEN_NOT_PRESENT: 404,
  TOKEN_MODULE_UNAVAILABLE: 503,
  TOKEN_ERROR: 502,
  INTERNAL_ERROR: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 422;
}

/** The locale the page asked for: zh-TW unless `Accept-Language` prefers English. */
export function localeOf(req: IncomingMessage): Locale {
  const header = req.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'zh-TW';
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Answers with a DomainError as `{ code, params, manualCode?, faq, message }`. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: DomainError): void {
  const body: AgentErrorBody = {
    code: error.code,
    params: error.details,
    ...(manualCodeOf(error.code) ? { manualCode: manualCodeOf(error.code) } : {}),
    faq: faqPath(error.code),
    message: errorMessage(error.code, localeOf(req), error.details),
    ...(error.fields.length ? { fields: error.fields.map((f) => ({ field: f.field, code: f.code })) } : {}),
  };
  sendJson(res, statusOf(error.code), body);
}

function manualCodeOf(code: ErrorCode): string | undefined {
  const definition: ErrorDefinition = ERRORS[code];
  return definition.manualCode;
}

/**
 * The request body parsed as a JSON object. Refuses bodies over `maxBytes` (PAYLOAD_TOO_LARGE),
 * other content types and anything but an object (BAD_USER_INPUT). An empty body is `{}`.
 */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw DomainError.invalidInput([{ field: 'body', code: 'FIELD_INVALID' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw DomainError.invalidInput([{ field: 'body', code: 'FIELD_INVALID' }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw DomainError.invalidInput([{ field: 'body', code: 'FIELD_INVALID' }]);
  }
  return parsed as Record<string, unknown>;
}
