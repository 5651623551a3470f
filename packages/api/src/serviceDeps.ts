import type { Logger, Methods } from '@mcp-registry/data-schemas';
import type { ActorCache } from './auth/actorCache';
import type { TokenService } from './auth/tokens';
import type { OAuthCleanup } from './mcp/oauth/revokeOAuthTokens';
import type { ChangeSignal } from './mcp/changeSignal';
import type { BackgroundConnects } from './mcp/connections/backgroundConnects';
import type { ConnectionManager } from './mcp/connections/connectionManager';
import type { McpOAuthSource } from './mcp/connections/oauthSource';
import type { SsrfOptions } from './ssrf/types';

/** Everything a use case may need; each service factory passes it on, each use case picks what it uses. */
export type ServiceDeps = Methods & {
  logger: Logger;
  tokens: TokenService;
  actorCache: ActorCache;
  /** The SSRF policy for user-supplied outbound URLs (`mcpSettings` plus an injectable DNS lookup). */
  ssrf: SsrfOptions;
  /** This process's live MCP connections. */
  connections: ConnectionManager;
  /** Connect attempts nobody waits for (installs for someone else, changed credentials). */
  background: BackgroundConnects;
  /** Installations, credentials or tool lists changed in this process. */
  changes: ChangeSignal;
  /** OAuth tokens for MCP connections (`mcp/oauth/`), when configured. */
  oauth?: McpOAuthSource;
} & OAuthCleanup;
