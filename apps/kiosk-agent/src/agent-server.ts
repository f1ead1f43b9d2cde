import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AGENT_PATHS, DomainError } from '@app/contracts';
import { type AgentConfig } from './config/agent-config';
import { EventHub } from './events/event-hub';
import { readJson, sendError, sendJson } from './http/http-io';
import { RequestGuard } from './http/request-guard';
import { Router } from './http/router';
import { type AgentServices } from './routes/agent-services';
import { sessionRoutes } from './routes/session.routes';
import { storeRoutes } from './routes/store.routes';
import { tokenRoutes } from './routes/token.routes';
import { CustomerSessions } from './session/customer-session';
import { ComputerCertificates } from './store/computer-certificates';
import { SoftwareStore } from './store/software-store';
import { TokenService } from './token/token-service';
import { TokenWatcher } from './token/token-watcher';
import { AGENT_VERSION } from './version';

/** Something went wrong that is not a DomainError: logged by kind only, never with request data. */
export type InternalErrorLog = (error: unknown) => void;

/** A running agent. */
export interface KioskAgent {
  readonly url: string;
  readonly port: number;
  readonly services: AgentServices;
  close(): Promise<void>;
}

/**
 * Builds the agent and listens on 127.0.0.1 only. Port 0 picks a free port (tests). In kiosk mode
 * the store left by a crashed run is wiped before the first request is served.
 */
export async function startAgent(config: AgentConfig, logError: InternalErrorLog = defaultLog): Promise<KioskAgent> {
  const tokens = new TokenService(config);
  const events = new EventHub();
  const store = new SoftwareStore(join(config.dataDir, 'store'), config.mode);
  const copies = new ComputerCertificates(join(config.dataDir, 'certificates'));
  const sessions = new CustomerSessions(config, tokens, store, copies, events);
  const watcher = new TokenWatcher(tokens, events, () => sessions.currentId, config.tokenPollMs);
  const services: AgentServices = { config, tokens, store, copies, sessions, events, watcher };
  await sessions.recover();

  const router = new Router().add(...sessionRoutes(services), ...tokenRoutes(services), ...storeRoutes(services));
  let port = config.port;
  const guard = new RequestGuard(config, () => port);
  const server = createServer((req, res) => void handle(req, res, router, guard, services, logError));
  // Nothing on this server is slow to send; a stalled client must not hold a socket for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    async close() {
      watcher.stop();
      events.dispose();
      await sessions.dispose();
      await tokens.dispose();
      await closeServer(server);
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  router: Router,
  guard: RequestGuard,
  s: AgentServices,
  logError: InternalErrorLog,
): Promise<void> {
  try {
    guard.checkHost(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === AGENT_PATHS.health) {
      // Liveness only: no token, kiosk or customer data without pairing.
      for (const [name, value] of Object.entries(guard.healthCors(req))) res.setHeader(name, value);
      return sendJson(res, 200, { status: 'ok', version: AGENT_VERSION });
    }
    const origin = guard.origin(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, guard.preflightHeaders(origin, req)).end();
      return;
    }
    const cors = guard.corsHeaders(origin);
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);

    const route = router.find(req.method ?? '', url.pathname);
    if (!route) throw new DomainError('NOT_FOUND');
    const claims = await guard.pairing(req, url, origin, route.tokenInQuery === true);
    if (!route.outsideSession) s.sessions.require(claims);
    const body = req.method === 'POST' ? await readJson(req, s.config.maxBodyBytes) : {};
    const result = await route.handler({ req, res, url, origin, claims, body, cors });
    if (result !== undefined) sendJson(res, 200, result);
  } catch (e) {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (e instanceof DomainError) return sendError(req, res, e);
    logError(e);
    sendError(req, res, new DomainError('INTERNAL_ERROR', { correlationId: 'agent' }));
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function defaultLog(error: unknown): void {
  // The name and message of an unexpected error, never the request: bodies may hold PINs.
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  console.error(`kiosk agent: internal error: ${text}`);
}
