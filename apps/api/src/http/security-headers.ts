import type { NextFunction, Request, Response } from 'express';

const DEFAULT_AGENT_URL = 'http://127.0.0.1:3100';
const ORIGIN = /^https?:\/\/[^/\s;]+$/;

/**
 * The kiosk agent's origin (KIOSK_AGENT_URL, validated by env.ts at start-up): the one place besides
 * the API that the kiosk page may call. Read here rather than injected because the middleware runs
 * before Nest's container; anything that is not a bare origin falls back to the default rather than
 * smuggling other directives into the policy.
 */
function agentOrigin(): string {
  const configured = process.env.KIOSK_AGENT_URL;
  return configured && ORIGIN.test(configured) ? configured : DEFAULT_AGENT_URL;
}

/** The console is a same-origin SPA: no framing, no foreign scripts, no MIME sniffing. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      `font-src 'self' data:; connect-src 'self' ${agentOrigin()}; frame-ancestors 'none'; base-uri 'self'; ` +
      "form-action 'self'",
  );
  next();
}
