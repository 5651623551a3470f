import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { assertJsonSize, assertNoReservedKeys, assertUtf8 } from './jsonLimits';

/**
 * `express.json` for UTF-8 only, with limits on nesting and size checked on the raw bytes, and prototype-named keys refused after
 * parsing. Requests without a body (most GETs) skip the parser's per-request set-up.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({
    limit,
    verify: (_req, _res, raw, charset) => {
      assertUtf8(charset);
      assertJsonSize(raw);
    },
  });
  return function jsonBodyMiddleware(req: Request, res: Response, next: NextFunction): void {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    parse(req, res, (error?: unknown) => {
      if (error) return next(error);
      try {
        assertNoReservedKeys(req.body);
      } catch (problem) {
        return next(problem);
      }
      next();
    });
  };
}
