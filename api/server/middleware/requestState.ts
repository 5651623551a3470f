import type { Express, Request, Response } from 'express';
import type { Actor } from '@mcp-registry/api';
import type { McpServerRecord } from '@mcp-registry/data-schemas';

/** What the middleware chain learns about one request, in one object of a fixed shape. */
export interface RequestState {
  id: string | undefined;
  /** performance.now() when the request reached the app. */
  startedAt: number;
  actor: Actor | undefined;
  resourceBits: number | undefined;
  mcpServer: McpServerRecord | undefined;
}

type RequestField = 'id' | 'actor' | 'resourceBits' | 'mcpServer';

const STATE = Symbol('requestState');

type StateHolder = Record<symbol, RequestState | undefined>;

/** The request's state, created on first use, kept in `res.locals` (the per-request object Express provides). */
export function requestState(res: Response): RequestState {
  const locals = res.locals as StateHolder;
  return (locals[STATE] ??= { id: undefined, startedAt: 0, actor: undefined, resourceBits: undefined, mcpServer: undefined });
}

function defineField<K extends RequestField>(app: Express, field: K): void {
  Object.defineProperty(app.request, field, {
    configurable: true,
    enumerable: true,
    get(this: Request): RequestState[K] | undefined {
      return this.res ? requestState(this.res)[field] : undefined;
    },
    set(this: Request, value: RequestState[K]) {
      if (this.res) requestState(this.res)[field] = value;
      else Object.defineProperty(this, field, { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

/**
 * Makes `req.id`, `req.actor`, `req.resourceBits` and `req.mcpServer` accessors on the app's request prototype,
 * backed by requestState. Express gives every request a new prototype (Object.setPrototypeOf), after which V8
 * copies the request's whole hidden class for each own property added: about 1.5 µs per property per request.
 */
export function defineRequestState(app: Express): void {
  for (const field of ['id', 'actor', 'resourceBits', 'mcpServer'] as const) defineField(app, field);
}
