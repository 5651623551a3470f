import type { RequestHandler, Router } from 'express';
import type { AppConfig, OpenApiDocument } from '@mcp-registry/data-provider';
import type { Services } from '@mcp-registry/api';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import type { CanAccessResource } from '../middleware/canAccessResource';

/** What every router factory receives. */
export interface RouteDeps {
  config: AppConfig;
  services: Services;
  methods: Methods;
  logger: Logger;
  /** requireJwtAuth: JWT or API key → req.actor, else 401. */
  auth: RequestHandler;
  /** ACL check for a resource id in the path (see middleware/canAccessResource.ts). */
  canAccessResource: CanAccessResource;
  /** Rate limiter of POST /api/auth/login. */
  loginLimiter: RequestHandler;
  /** True when the database answers a ping. */
  isReady: () => Promise<boolean>;
  openApiDocument: OpenApiDocument;
}

export type RouterFactory = (deps: RouteDeps) => Router;
