import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '@mcp-registry/api';
import type { Methods } from '@mcp-registry/data-schemas';
import { MongoRateLimitStore } from './mongoRateLimitStore';

/** Login attempts per client IP, counted in MongoDB across replicas; over the limit → 429 envelope. */
export function createLoginLimiter(options: { windowMs: number; max: number }, methods: Methods): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new MongoRateLimitStore(methods, 'login:'),
    handler: (_req, _res, next) => next(new RateLimitedError('Too many login attempts, try again later')),
  });
}

/** TEMPORARY until rebase: replaced by the MongoDB-counted limiter. */
export function createGatewayLimiter(_perMin: number, _methods: unknown): RequestHandler {
  return (_req, _res, next) => next();
}
