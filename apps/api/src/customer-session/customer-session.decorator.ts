import { DomainError } from '@app/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestOf } from '../common/request-context';
import type { CustomerSession, CustomerSessionService } from './customer-session.service';

/** The header a kiosk page sends its customer session in, apart from the staff `Authorization`. */
export const CUSTOMER_SESSION_HEADER = 'x-customer-session';

/** The raw customer session token of the request, or null. */
export function customerSessionTokenOf(context: ExecutionContext): string | null {
  const value = requestOf(context).headers[CUSTOMER_SESSION_HEADER];
  return typeof value === 'string' && value.length > 0 && value.length < 4096 ? value : null;
}

/** Injects the raw token; the resolver verifies it (the decorator cannot reach Nest's injector). */
export const CustomerSessionToken = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  customerSessionTokenOf(context),
);

/** Verifies a token taken by {@link CustomerSessionToken}; CUSTOMER_SESSION_INVALID when it is missing or bad. */
export function requireSession(sessions: CustomerSessionService, token: string | null): CustomerSession {
  if (!token) throw new DomainError('CUSTOMER_SESSION_INVALID');
  return sessions.verify(token);
}
