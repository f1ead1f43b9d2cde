import { afterEach, describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { securityHeaders } from './security-headers';

function policy(): string {
  const headers = new Map<string, string>();
  const res = { setHeader: (name: string, value: string) => headers.set(name, value) } as unknown as Response;
  let called = false;
  securityHeaders({} as Request, res, (() => (called = true)) as NextFunction);
  expect(called).toBe(true);
  return headers.get('Content-Security-Policy') ?? '';
}

const connectSrc = (csp: string) => /connect-src ([^;]*)/.exec(csp)?.[1].trim().split(/\s+/);

describe('security headers', () => {
  afterEach(() => {
    delete process.env.KIOSK_AGENT_URL;
  });

  it('lets the page reach its own API and the kiosk agent, nothing else', () => {
    expect(connectSrc(policy())).toEqual(["'self'", 'http://127.0.0.1:3100']);
    process.env.KIOSK_AGENT_URL = 'http://127.0.0.1:41234';
    expect(connectSrc(policy())).toEqual(["'self'", 'http://127.0.0.1:41234']);
  });

  it('never lets a bad setting add directives to the policy', () => {
    process.env.KIOSK_AGENT_URL = "http://127.0.0.1:3100; script-src 'unsafe-inline'";
    const csp = policy();
    expect(connectSrc(csp)).toEqual(["'self'", 'http://127.0.0.1:3100']);
    expect(csp.match(/script-src/g)).toHaveLength(1);
  });
});
