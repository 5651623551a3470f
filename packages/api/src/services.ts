import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { createApiKeyService } from './apiKeys/apiKeyService';
import { createAuditService } from './audit/auditService';
import type { ActorCache } from './auth/actorCache';
import { createAuthService } from './auth/authService';
import type { TokenService } from './auth/tokens';
import { createGroupService } from './groups/groupService';
import { createInstallationService } from './installations/installationService';
import { createMcpOAuth } from './mcp/oauth/createMcpOAuth';
import type { McpOAuthOptions } from './mcp/oauth/createMcpOAuth';
import { createBackgroundConnects } from './mcp/connections/backgroundConnects';
import { createConnectionManager } from './mcp/connections/connectionManager';
import { createChangeSignal } from './mcp/changeSignal';
import { createGatewaySessions } from './mcp/gateway/gatewaySessions';
import type { GatewayOptions } from './mcp/gateway/gatewaySessions';
import { createMcpConnectionService } from './mcp/mcpConnectionService';
import { oauthSourceFrom } from './mcp/connections/oauthSourceFrom';
import { createMcpServerService } from './mcpServers/mcpServerService';
import { createRoleService } from './roles/roleService';
import type { ServiceDeps } from './serviceDeps';
import type { SsrfOptions } from './ssrf/types';
import { createUserService } from './users/userService';

export interface CreateServicesInput {
  methods: Methods;
  logger: Logger;
  tokens: TokenService;
  actorCache: ActorCache;
  ssrf?: SsrfOptions;
  /** Public and client URLs, flow timeout and CSRF key of the MCP OAuth flows. */
  mcpOAuth: McpOAuthOptions;
  /** Live MCP connections: idle timeout, process-wide cap, whether to connect in the background. */
  mcp?: { idleTimeoutMs?: number; maxConnections?: number; credentialRecheckMs?: number; connectInBackground?: boolean };
  gateway: GatewayOptions;
}

/**
 * Every service of the API. Each resource has a factory beside its use cases (`installations/installationService.ts`)
 * whose methods call them with the shared deps; add a resource with one line.
 */
export function createServices(input: CreateServicesInput) {
  const ssrf = input.ssrf ?? {};
  const mcpOAuth = createMcpOAuth({ methods: input.methods, logger: input.logger, ssrf, options: input.mcpOAuth });
  const oauth = oauthSourceFrom(mcpOAuth, input.methods);
  const connections = createConnectionManager({ methods: input.methods, logger: input.logger, ssrf, oauth, ...input.mcp });
  const background = createBackgroundConnects(input.logger, { enabled: input.mcp?.connectInBackground ?? true });
  const deps: ServiceDeps = {
    ...input.methods,
    logger: input.logger,
    tokens: input.tokens,
    actorCache: input.actorCache,
    ssrf,
    connections,
    background,
    oauth,
    ...mcpOAuth.cleanup,
    changes: createChangeSignal(),
  };
  const gateway = createGatewaySessions(deps, input.gateway);
  deps.changes.subscribe(gateway.changed);
  connections.onToolsChanged(deps.changes.notify);
  return {
    auth: createAuthService(deps),
    users: createUserService(deps),
    groups: createGroupService(deps),
    roles: createRoleService(deps),
    apiKeys: createApiKeyService(deps),
    audit: createAuditService(deps),
    mcpServers: createMcpServerService(deps),
    installations: createInstallationService(deps),
    mcpOAuth,
    mcp: createMcpConnectionService(deps),
    gateway,
  };
}

export type Services = ReturnType<typeof createServices>;
