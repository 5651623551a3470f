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
}

/**
 * Every service of the API. Each resource has a factory beside its use cases (`installations/installationService.ts`)
 * whose methods call them with the shared deps; add a resource with one line.
 */
export function createServices(input: CreateServicesInput) {
  const ssrf = input.ssrf ?? {};
  const mcpOAuth = createMcpOAuth({ methods: input.methods, logger: input.logger, ssrf, options: input.mcpOAuth });
  const deps: ServiceDeps = { ...input.methods, logger: input.logger, tokens: input.tokens, actorCache: input.actorCache, ssrf, ...mcpOAuth.cleanup };
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
  };
}

export type Services = ReturnType<typeof createServices>;
