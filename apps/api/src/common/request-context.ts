import type { Locale, StaffRole } from '@app/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

/** The signed-in member of staff, as carried in the session token. */
export interface StaffPrincipal {
  readonly id: string;
  readonly username: string;
  readonly role: StaffRole;
  readonly branchId: string;
  readonly branchCode: string;
}

/** Who is calling, from where, in which language: the first argument of every service method. */
export interface RequestContext {
  readonly requestId: string;
  readonly clientIp: string | null;
  readonly locale: Locale;
  readonly staff: StaffPrincipal | null;
  /** The customer acting at a kiosk, once proven (application ticket or certificate challenge). */
  readonly customerId?: string | null;
}

/** The same request, acted by a proven customer: their id becomes the audit events' actor. */
export function asCustomer(ctx: RequestContext, customerId: string): RequestContext {
  return { ...ctx, customerId };
}

export type AppRequest = Omit<Request, 'user'> & { user?: StaffPrincipal; requestId?: string };

/** zh-TW unless the client prefers English. */
export function localeOf(req: Pick<Request, 'headers'> | undefined): Locale {
  const header = String(req?.headers?.['accept-language'] ?? '');
  return /^\s*en\b/i.test(header) ? 'en' : 'zh-TW';
}

export function requestIdOf(req: AppRequest): string {
  if (!req.requestId) {
    const given = String(req.headers['x-request-id'] ?? '');
    req.requestId = /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
  }
  return req.requestId;
}

export function contextOf(req: AppRequest): RequestContext {
  return {
    requestId: requestIdOf(req),
    clientIp: req.ip ?? null,
    locale: localeOf(req),
    staff: req.user ?? null,
  };
}

export function requestOf(context: ExecutionContext): AppRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AppRequest }>().req;
  }
  return context.switchToHttp().getRequest<AppRequest>();
}

/** Injects the RequestContext into a resolver method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => contextOf(requestOf(context)));
