import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Logger, Methods } from '@mcp-registry/data-schemas';

export interface McpOAuthSettings {
  /** The service's public origin: redirect URIs are `${publicUrl}/api/mcp/:serverName/oauth/callback`. */
  publicUrl: string;
  /** Where the callback sends the browser afterwards (`/oauth/success`, `/oauth/error`). */
  clientUrl: string;
  /** How long a flow accepts its callback. */
  flowTimeoutMs: number;
  /** Key of the CSRF cookie's HMAC. */
  csrfKey: Buffer;
  /** Refresh this long before `expires_at`. */
  refreshSkewMs: number;
  /** How long a refresh lease is held at most (a crashed holder frees it after this). */
  refreshLeaseMs: number;
  /** Names this process as a lease holder. */
  holderId: string;
}

/** Everything the OAuth use cases need: the database methods, the guarded fetch for the SDK, settings. */
export type McpOAuthDeps = Methods & { logger: Logger; oauthFetch: FetchLike; oauth: McpOAuthSettings };
