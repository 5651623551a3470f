import { createHmac } from 'node:crypto';
import express from 'express';
import type { HelmetOptions } from 'helmet';
import { buildOpenApiDocument } from '@mcp-registry/data-provider';
import type { AppConfig } from '@mcp-registry/data-provider';
import { createActorCache, createServices, createTokenService } from '@mcp-registry/api';
import type { LookupFunction } from '@mcp-registry/api';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { mountClientApp } from './middleware/clientApp';
import { crossOrigin } from './middleware/crossOrigin';
import { errorHandler, notFoundHandler } from './middleware/errorHandler';
import { jsonBody } from './middleware/jsonBody';
import { createGatewayLimiter, createLoginLimiter } from './middleware/rateLimit';
import { securityHeaders } from './middleware/securityHeaders';
import { requestContext } from './middleware/requestContext';
import { createRequireJwtAuth } from './middleware/requireJwtAuth';
import { assertEveryRouteGuarded } from './routeInventory';
import { apiKeyRoutes } from './routes/apiKeys';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { gatewayRoutes } from './routes/gateway';
import { currentUserRoutes } from './routes/currentUser';
import { groupRoutes } from './routes/groups';
import { installationRoutes } from './routes/installations';
import { mcpConnectionRoutes } from './routes/mcpConnections';
import { mcpOAuthRoutes } from './routes/mcpOAuth';
import { mcpServerRoutes } from './routes/mcpServers';
import { mcpServerPermissionRoutes } from './routes/permissions';
import { roleRoutes } from './routes/roles';
import type { RouteDeps, RouterFactory } from './routes/routeDeps';
import { systemRoutes } from './routes/system';
import { userRoutes } from './routes/users';
import './types';

export interface AppDeps {
  config: AppConfig;
  methods: Methods;
  logger: Logger;
  /** Database ping for GET /ready. */
  isReady: () => Promise<boolean>;
  /** DNS resolution for the SSRF guard; tests pass a stub so nothing leaves the machine. Defaults to the system resolver. */
  lookup?: LookupFunction;
  /** The built web client (client/dist) to serve at `/`; without it the service answers JSON only. */
  clientDir?: string;
}

/** Every router of the service, by mount path. Add a resource with one line (before the `/` entry). */
const routes: Array<[string, RouterFactory]> = [
  ['/api/auth', authRoutes],
  ['/api/user', currentUserRoutes],
  ['/api/users', userRoutes],
  ['/api/groups', groupRoutes],
  ['/api/roles', roleRoutes],
  ['/api/keys', apiKeyRoutes],
  ['/api/admin/audit', auditRoutes],
  ['/api/mcp_server', installationRoutes],
  ['/api/mcp/servers', mcpServerRoutes],
  ['/api/mcp', mcpOAuthRoutes],
  /** After the catalog, whose paths it would otherwise shadow. */
  ['/api/mcp', mcpConnectionRoutes],
  ['/api/permissions/mcpServer', mcpServerPermissionRoutes],
  ['/mcp', gatewayRoutes],
  /** Last: mounted at `/`, every request would otherwise pass through it. */
  ['/', systemRoutes],
];

/** helmet tuned for a JSON API: a CSP that allows nothing, and no headers that only matter to HTML pages in old browsers. */
const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** `PUBLIC_URL`, else `http://HOST:PORT`. */
export function publicUrlOf(config: AppConfig): string {
  const { host, port, publicUrl } = config.server;
  return (publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
}

/** The MCP OAuth settings: callback origin, where the browser goes afterwards, flow timeout, CSRF cookie key. */
function mcpOAuthOptions(config: AppConfig, publicUrl: string) {
  return {
    publicUrl,
    clientUrl: (config.server.clientUrl ?? publicUrl).replace(/\/+$/, ''),
    flowTimeoutMs: config.mcpOAuth.flowTimeoutMs,
    csrfKey: createHmac('sha256', config.auth.jwtSecret).update('mcp-oauth-csrf-cookie').digest(),
  };
}

/** The Express application, without listening (supertest and the process entry both use it). */
export function createApp(deps: AppDeps) {
  const { config, methods, logger } = deps;
  const tokens = createTokenService({
    accessSecret: config.auth.jwtSecret,
    refreshSecret: config.auth.jwtRefreshSecret,
    accessTtlSeconds: config.auth.accessTokenTtlSeconds,
    refreshTtlSeconds: config.auth.refreshTokenTtlSeconds,
  });
  const actorCache = createActorCache({ ttlMs: config.auth.actorCacheTtlMs });
  methods.watchIdentityWrites(actorCache.onIdentityWrite);
  const ssrf = { ...config.mcpSettings, lookup: deps.lookup };
  const publicUrl = publicUrlOf(config);
  const mcp = config.mcpConnections;
  const gateway = { ...config.gateway, clientUrl: (config.server.clientUrl ?? publicUrl).replace(/\/+$/, '') };
  const services = createServices({ methods, logger, tokens, actorCache, ssrf, mcpOAuth: mcpOAuthOptions(config, publicUrl), mcp, gateway });
  const routeDeps: RouteDeps = {
    config,
    services,
    auth: createRequireJwtAuth(services.auth),
    loginLimiter: createLoginLimiter(config.auth.loginRateLimit, methods),
    gatewayLimiter: createGatewayLimiter(config.gateway.rateLimitPerMin, methods),
    isReady: deps.isReady,
    openApiDocument: buildOpenApiDocument({ publicUrl: config.server.publicUrl }),
    publicUrl,
  };

  const app = express();
  app.set('trust proxy', config.server.trustProxy);
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  app.use(securityHeaders(helmetOptions));
  app.use(crossOrigin(config.cors.origins));
  app.use(jsonBody('1mb'));
  for (const [path, factory] of routes) app.use(path, factory(routeDeps));
  if (deps.clientDir) mountClientApp(app, deps.clientDir);
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  assertEveryRouteGuarded(app);
  return Object.assign(app, { services, tokens, actorCache });
}

export type App = ReturnType<typeof createApp>;
