import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@mcp-registry/data-schemas';

const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id, a child logger (`req.log`, created on first use) and exactly one access-log line
 * when the response is finished.
 */
export function requestContext(logger: Logger) {
  return function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
    const started = process.hrtime.bigint();
    let child: Logger | undefined;
    req.id = id;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= logger.child({ requestId: id, userId: req.actor?.id })),
    });
    res.setHeader('X-Request-Id', id);
    res.on('finish', () => {
      logger.info('[http] request', {
        requestId: id,
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        userId: req.actor?.id,
      });
    });
    next();
  };
}
