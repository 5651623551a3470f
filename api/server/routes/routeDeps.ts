import type { RequestHandler, Router } from 'express';
import type { AppConfig, OpenApiDocument } from '@mcp-registry/data-provider';
import type { Services } from '@mcp-registry/api';

/** What every router factory receives. */
export interface RouteDeps {
  config: AppConfig;
  services: Services;
  /** requireJwtAuth: JWT or API key → req.actor, else 401. */
  auth: RequestHandler;
  /** Rate limiter of POST /api/auth/login. */
  loginLimiter: RequestHandler;
  /** Rate limiter of the MCP gateway, per user. */
  gatewayLimiter: RequestHandler;
  /** True when the database answers a ping. */
  isReady: () => Promise<boolean>;
  openApiDocument: OpenApiDocument;
  /** The service's public origin (OAuth callback URLs, Secure cookies on https). */
  publicUrl: string;
}

export type RouterFactory = (deps: RouteDeps) => Router;
