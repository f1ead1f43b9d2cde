import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type PairingClaims } from '@app/domain';

/** What a route handler gets: the verified pairing, the allowed origin and the parsed body. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly origin: string;
  readonly claims: PairingClaims;
  readonly body: Record<string, unknown>;
  /** CORS headers to send with a response the handler writes itself (the event stream). */
  readonly cors: Record<string, string>;
}

/** A handler returns the JSON body to send, or `undefined` when it wrote the response itself. */
export type RouteHandler = (ctx: RouteContext) => Promise<unknown>;

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handler: RouteHandler;
  /** Whether the pairing token may come as a query parameter (EventSource sends no headers). */
  readonly tokenInQuery?: boolean;
  /** Whether the route runs before the customer session is started (starting it, for one). */
  readonly outsideSession?: boolean;
}

export class Router {
  private readonly routes = new Map<string, Route>();

  add(...routes: Route[]): this {
    for (const route of routes) this.routes.set(`${route.method} ${route.path}`, route);
    return this;
  }

  find(method: string, path: string): Route | undefined {
    return this.routes.get(`${method} ${path}`);
  }

  /** Whether some method serves `path` (405 rather than 404). */
  knows(path: string): boolean {
    return [...this.routes.values()].some((r) => r.path === path);
  }
}
