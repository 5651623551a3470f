import type { Logger, Methods } from '@mcp-registry/data-schemas';
import type { ActorCache } from './auth/actorCache';
import type { TokenService } from './auth/tokens';
import type { OAuthCleanup } from './mcp/oauth/revokeOAuthTokens';
import type { SsrfOptions } from './ssrf/types';

/** Everything a use case may need; each service factory passes it on, each use case picks what it uses. */
export type ServiceDeps = Methods & {
  logger: Logger;
  tokens: TokenService;
  actorCache: ActorCache;
  /** The SSRF policy for user-supplied outbound URLs (`mcpSettings` plus an injectable DNS lookup). */
  ssrf: SsrfOptions;
} & OAuthCleanup;
