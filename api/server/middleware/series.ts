import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Middleware that runs `handlers` in order as one router layer (each layer costs Express a path match, URL
 * parsing and closures on every request). Anything passed to a step's `next` (an error, `'route'`) goes straight
 * to Express. The handlers must be callback-style: a returned promise would not be awaited.
 */
export function series(...handlers: RequestHandler[]): RequestHandler {
  const last = handlers.length - 1;
  return function seriesMiddleware(req: Request, res: Response, next: NextFunction): void {
    let i = 0;
    function step(error?: unknown): void {
      if (error) return next(error);
      const handler = handlers[i];
      if (!handler) return next();
      i += 1;
      handler(req, res, i > last ? next : step);
    }
    step();
  };
}
