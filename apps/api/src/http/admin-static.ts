import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const API_PATHS = /^\/(graphql|health|pki|exports)(\/|$)/;

/**
 * Serves the built admin console at `/`, and its index.html for the console's own routes
 * (client-side routing), leaving the API paths alone. Returns false when it has not been built.
 */
export function serveAdmin(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(index);
  });
  return true;
}
