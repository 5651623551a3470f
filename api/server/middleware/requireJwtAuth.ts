import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor, Services } from '@mcp-registry/api';

/**
 * Accepts `Authorization: Bearer <JWT | API key>` and sets `req.actor`; anything else is a 401 envelope (Express
 * forwards both a synchronous throw and a rejection to the error handler). A cached caller is settled without a
 * promise.
 */
export function createRequireJwtAuth(auth: Services['auth']): RequestHandler {
  function attach(req: Request, actor: Actor, next: NextFunction): void {
    actor.requestId = req.id;
    req.actor = actor;
    next();
  }
  return function requireJwtAuth(req: Request, _res: Response, next: NextFunction): void | Promise<void> {
    const actor = auth.authenticate(req.headers.authorization);
    if (actor instanceof Promise) return actor.then((a) => attach(req, a, next));
    attach(req, actor, next);
  };
}
