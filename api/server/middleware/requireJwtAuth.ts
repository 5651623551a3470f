import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Services } from '@mcp-registry/api';

/** Accepts `Authorization: Bearer <JWT | API key>` and sets `req.actor`; anything else is a 401 envelope. */
export function createRequireJwtAuth(auth: Services['auth']): RequestHandler {
  return async function requireJwtAuth(req: Request, _res: Response, next: NextFunction): Promise<void> {
    const actor = await auth.authenticate(req.headers.authorization);
    actor.requestId = req.id;
    req.actor = actor;
    req.log = req.log.child({ userId: actor.id });
    next();
  };
}
