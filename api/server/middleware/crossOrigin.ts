import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

function allowedOrigins(origins: string[]): boolean | string[] {
  if (origins.includes('*')) return true;
  return origins.length > 0 ? origins : false;
}

/**
 * CORS for the configured origins, with credentials for the React client. Requests without an `Origin` header
 * (API clients, server-to-server) only get `Vary: Origin`, which is all the cors package would give them.
 */
export function crossOrigin(origins: string[]): RequestHandler {
  const handler = cors({ origin: allowedOrigins(origins), credentials: true });
  return function crossOriginMiddleware(req: Request, res: Response, next: NextFunction): void {
    if (req.headers.origin !== undefined) return handler(req, res, next);
    res.vary('Origin');
    next();
  };
}
