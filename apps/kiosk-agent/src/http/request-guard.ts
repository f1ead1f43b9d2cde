import { type IncomingMessage } from 'node:http';
import { AGENT_PAIRING_SCHEME, DomainError } from '@app/contracts';
import { type PairingClaims, verifyPairingToken } from '@app/domain';
import { type AgentConfig } from '../config/agent-config';

/**
 * The three locks in front of every operation. Host: the request must be addressed to the loopback
 * name and our port, which defeats DNS rebinding (a page on evil.example resolved to 127.0.0.1
 * still sends `Host: evil.example`). Origin: only the configured console origins, and CORS answers
 * name only those. Pairing: a token from the API for this kiosk, bound to the same origin, so a
 * local program that forges the Origin header still cannot use the token without the API's consent.
 */
export class RequestGuard {
  private readonly origins: ReadonlySet<string>;

  constructor(
    private readonly config: AgentConfig,
    /** The port actually listened on (the configured one, or the one the OS chose for port 0). */
    private readonly port: () => number,
  ) {
    this.origins = new Set(config.allowedOrigins);
  }

  /** Throws AGENT_HOST_REFUSED unless `Host` is 127.0.0.1 or localhost with our port. */
  checkHost(req: IncomingMessage): void {
    const host = (req.headers.host ?? '').toLowerCase();
    const port = this.port();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new DomainError('AGENT_HOST_REFUSED');
  }

  /** The request's Origin when it is allowed; throws AGENT_ORIGIN_REFUSED otherwise (also when absent). */
  origin(req: IncomingMessage): string {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !this.origins.has(origin)) throw new DomainError('AGENT_ORIGIN_REFUSED');
    return origin;
  }

  /**
   * CORS headers for `/health` when the request comes from an allowed origin, none otherwise: the
   * page's environment check reads the version before any pairing, and no other page may.
   */
  healthCors(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    return typeof origin === 'string' && this.origins.has(origin) ? this.corsHeaders(origin) : {};
  }

  /** CORS headers for an allowed origin. */
  corsHeaders(origin: string): Record<string, string> {
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  /** Headers of a preflight answer for an allowed origin (Chrome's Private Network Access included). */
  preflightHeaders(origin: string, req: IncomingMessage): Record<string, string> {
    return {
      ...this.corsHeaders(origin),
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept-Language',
      'Access-Control-Max-Age': '600',
      ...(req.headers['access-control-request-private-network'] === 'true'
        ? { 'Access-Control-Allow-Private-Network': 'true' }
        : {}),
    };
  }

  /**
   * The verified claims of the request's pairing token (`Authorization: Pairing <token>`, or the
   * `pairing` query parameter when `allowQuery`, for EventSource). Throws AGENT_PAIRING_REQUIRED,
   * AGENT_PAIRING_INVALID, AGENT_PAIRING_EXPIRED.
   */
  async pairing(req: IncomingMessage, url: URL, origin: string, allowQuery: boolean): Promise<PairingClaims> {
    const header = req.headers.authorization ?? '';
    const prefix = `${AGENT_PAIRING_SCHEME} `;
    const token = header.startsWith(prefix)
      ? header.slice(prefix.length).trim()
      : allowQuery
        ? (url.searchParams.get('pairing') ?? '')
        : '';
    if (!token) throw new DomainError('AGENT_PAIRING_REQUIRED');
    return verifyPairingToken(this.config.kioskKey, token, {
      kioskCode: this.config.kioskCode,
      origin,
      now: Math.floor(Date.now() / 1000),
    });
  }
}
