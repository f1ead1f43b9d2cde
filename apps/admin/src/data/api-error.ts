import { HttpError } from 'react-admin';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the console keeps of a failed API call, in the `body` of the react-admin HttpError. */
export interface ApiErrorBody {
  /** One of the shared error codes, BAD_USER_INPUT, or null when the server was not reached. */
  readonly code: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly correlationId?: string;
  /** Server-side validation in react-admin's shape: the form shows each message under its field. */
  readonly errors?: Readonly<Record<string, string | { serverError: string }>>;
}

interface WireFieldError {
  field: string;
  code?: string;
  message?: string;
}

interface WireError {
  message?: string;
  extensions?: {
    code?: unknown;
    params?: Record<string, unknown>;
    fields?: WireFieldError[];
    correlationId?: string;
  };
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** The first GraphQL error of an Apollo failure, whether it came back as data or as an HTTP error. */
function firstWireError(error: unknown): WireError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { graphQLErrors, networkError } = error as { graphQLErrors?: WireError[]; networkError?: { result?: unknown } };
  if (graphQLErrors?.length) return graphQLErrors[0];
  const result = networkError?.result as { errors?: WireError[] } | undefined;
  return result?.errors?.[0];
}

/**
 * The message of `code` in the current locale with its parameters. The console's catalogue is
 * preferred; when it would leave a placeholder unfilled the server's message (already in the
 * request's language, parameters filled) is shown instead.
 */
export function translateCode(translate: Translate, code: string, params: object = {}, fallback?: string): string {
  const text = translate(`errors.${code}`, { ...params, _: fallback ?? translate('ra.notification.http_error') });
  return /%\{\w+\}/.test(text) && fallback ? fallback : text;
}

/** Field path of the API (`input.email` or `email`) → the form's source. */
const sourceOf = (field: string): string => field.replace(/^input\./, '');

/** Turns whatever Apollo threw into the HttpError react-admin understands, message translated. */
export function toApiError(error: unknown, translate: Translate): HttpError {
  if (error instanceof HttpError) return error;
  const wire = firstWireError(error);
  const code = typeof wire?.extensions?.code === 'string' ? wire.extensions.code : null;
  if (!wire || !code) {
    return new HttpError(translate('ra.notification.http_error'), 0, { code: null, params: {} } satisfies ApiErrorBody);
  }
  const params = wire.extensions?.params ?? {};
  const correlationId = wire.extensions?.correlationId;
  const message = translateCode(translate, code, { correlationId, ...params }, wire.message);
  const fields = wire.extensions?.fields ?? [];
  const body: ApiErrorBody = { code, params, correlationId };
  if (code === 'BAD_USER_INPUT' && fields.length > 0) {
    const errors: Record<string, string | { serverError: string }> = { root: { serverError: message } };
    for (const field of fields) {
      errors[sourceOf(field.field)] = field.code
        ? translateCode(translate, field.code, {}, field.message)
        : (field.message ?? message);
    }
    return new HttpError(message, 400, { ...body, errors } satisfies ApiErrorBody);
  }
  return new HttpError(message, STATUS[code] ?? 500, body);
}

/** The API error code carried by an error the data or auth provider rejected with, if any. */
export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof HttpError)) return null;
  const body = error.body as Partial<ApiErrorBody> | null;
  return typeof body?.code === 'string' ? body.code : null;
}

/** True when the form will show the failure under its fields. */
export function isValidationError(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  const body = error.body as Partial<ApiErrorBody> | null;
  return !!body?.errors && Object.keys(body.errors).length > 0;
}
