import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** `express.json` for requests that carry a body; the rest (most GETs) skip the parser's per-request set-up. */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return function jsonBodyMiddleware(req: Request, res: Response, next: NextFunction): void {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    parse(req, res, next);
  };
}
