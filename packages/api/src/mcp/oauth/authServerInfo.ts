import type { AuthorizationServerMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';

/** Where and how to authorize for one MCP server: discovered, or named by the catalog. */
export interface AuthServerInfo {
  authServerUrl: string;
  metadata: AuthorizationServerMetadata;
  /** RFC 8707 resource indicator sent with every authorization and token request. */
  resource: string;
  /** Scopes to ask for: the catalog's, else what the server's challenge or metadata names. */
  scope?: string;
  /** True when the endpoints came from the catalog (no discovery, no dynamic registration). */
  fromCatalog: boolean;
}
