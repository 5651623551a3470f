import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@mcp-registry/data-schemas';
import { loggablePath } from './loggablePath';

const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const STARTED = Symbol('startedAt');

type TimedResponse = Response & { [STARTED]?: number };

/**
 * Gives each request an id (echoed as X-Request-Id), `req.log` (a child of `logger` carrying the id) and exactly one
 * access-log line when the response is finished.
 */
export function requestContext(logger: Logger) {
  function logAccess(this: TimedResponse): void {
    const req = this.req;
    logger.info('[http] request', {
      requestId: req.id,
      method: req.method,
      path: loggablePath(req.originalUrl),
      status: this.statusCode,
      durationMs: Math.round((performance.now() - (this[STARTED] ?? 0)) * 1000) / 1000,
      userId: req.actor?.id,
    });
  }
  return function requestContextMiddleware(req: Request, res: TimedResponse, next: NextFunction): void {
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
    res[STARTED] = performance.now();
    req.id = id;
    req.log = logger.child({ requestId: id });
    res.setHeader('X-Request-Id', id);
    res.on('finish', logAccess);
    next();
  };
}
