import type { Request } from 'express';
import { UnauthenticatedError } from '@mcp-registry/api';
import type { Actor } from '@mcp-registry/api';

/** The authenticated caller (requireJwtAuth ran earlier in the route). */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
