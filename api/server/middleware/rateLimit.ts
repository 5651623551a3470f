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

/** Gateway requests per user per minute, counted in MongoDB across replicas; over the limit → 429 envelope. */
export function createGatewayLimiter(perMinute: number, methods: Methods): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => req.actor?.id ?? 'anonymous',
    store: new MongoRateLimitStore(methods, 'gateway:'),
    handler: (_req, _res, next) => next(new RateLimitedError('Too many MCP gateway requests, try again in a minute')),
  });
}
