import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Express, NextFunction, Request, Response } from 'express';
import { createDirectLog } from '@mcp-registry/data-schemas';
import type { Logger } from '@mcp-registry/data-schemas';
import { requestState } from './requestState';

const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CHILD = Symbol('requestLogger');

type WithChild = Request & { [CHILD]?: Logger };

/**
 * `req.log`: a child of `logger` with the request id (and user id once known), created on first use. Defined once
 * on the app's request prototype, so requests that never log pay nothing for it.
 */
export function defineRequestLogger(app: Express, logger: Logger): void {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: WithChild): Logger {
      this[CHILD] ??= logger.child({ requestId: this.id, userId: this.actor?.id });
      return this[CHILD];
    },
  });
}

/** Gives each request an id (echoed as X-Request-Id) and exactly one access-log line when the response is finished. */
export function requestContext(logger: Logger) {
  const info = createDirectLog(logger, 'info');
  function logAccess(this: Response): void {
    const req = this.req;
    info('[http] request', {
      requestId: req.id,
      method: req.method,
      path: req.originalUrl,
      status: this.statusCode,
      durationMs: Math.round((performance.now() - requestState(this).startedAt) * 1000) / 1000,
      userId: req.actor?.id,
    });
  }
  return function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
    requestState(res).startedAt = performance.now();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    res.on('finish', logAccess);
    next();
  };
}
