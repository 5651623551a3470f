import {
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
  extractWWWAuthenticateParams,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { checkResourceAllowed, resourceUrlFromServerUrl } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import type { OAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { TokenExchangeMethod } from '@mcp-registry/data-provider';
import type { PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import { ApiError } from '../../errors/apiError';
import type { AuthServerInfo } from './authServerInfo';
import { OAuthUnsupportedError } from './oauthErrors';

const PKCE_METHOD = 'S256';

const INITIALIZE_PROBE = JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'mcp-registry', version: '1' } },
});

/** The 401 an unauthenticated request gets carries the `resource_metadata` hint (RFC 9728 §5.1) and maybe a scope. */
async function challengeOf(fetchFn: FetchLike, serverUrl: string): Promise<{ resourceMetadataUrl?: URL; scope?: string }> {
  const res = await fetchFn(serverUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: INITIALIZE_PROBE,
  });
  await res.body?.cancel().catch(() => undefined);
  if (res.status !== 401) return {};
  const { resourceMetadataUrl, scope } = extractWWWAuthenticateParams(res);
  return { resourceMetadataUrl, scope };
}

async function protectedResourceMetadata(fetchFn: FetchLike, serverUrl: string, hint?: URL): Promise<OAuthProtectedResourceMetadata | undefined> {
  try {
    return await discoverOAuthProtectedResourceMetadata(serverUrl, { resourceMetadataUrl: hint }, fetchFn);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    return undefined;
  }
}

/** A catalog server naming its endpoints skips discovery; the service always uses PKCE S256 with them. */
function catalogInfo(serverUrl: string, oauth: NonNullable<PlainMcpServerConfig['oauth']>): AuthServerInfo {
  const authorizationUrl = new URL(oauth.authorization_url as string);
  const basic = oauth.token_exchange_method === TokenExchangeMethod.BASIC_AUTH_HEADER;
  return {
    authServerUrl: authorizationUrl.origin,
    metadata: {
      issuer: authorizationUrl.origin,
      authorization_endpoint: authorizationUrl.href,
      token_endpoint: oauth.token_url as string,
      response_types_supported: ['code'],
      code_challenge_methods_supported: [PKCE_METHOD],
      token_endpoint_auth_methods_supported: [basic ? 'client_secret_basic' : 'client_secret_post', 'none'],
      ...(oauth.revocation_endpoint ? { revocation_endpoint: oauth.revocation_endpoint } : {}),
    },
    resource: resourceUrlFromServerUrl(serverUrl).href,
    scope: oauth.scope,
    fromCatalog: true,
  };
}

export function hasCatalogEndpoints(oauth: PlainMcpServerConfig['oauth']): boolean {
  return Boolean(oauth?.authorization_url && oauth.token_url && oauth.client_id);
}

/**
 * The MCP authorization spec's discovery: the 401 challenge, RFC 9728 protected-resource metadata (whose
 * `resource` must be this server), then RFC 8414 / OpenID metadata of its authorization server, which must offer
 * PKCE S256 (absent counts as not offered). Every request goes through `fetchFn`, the guarded fetch.
 */
export async function discoverAuthServer(fetchFn: FetchLike, config: PlainMcpServerConfig): Promise<AuthServerInfo> {
  const serverUrl = config.url;
  if (!serverUrl) throw new OAuthUnsupportedError('The MCP server has no URL to authorize against');
  if (config.oauth && hasCatalogEndpoints(config.oauth)) return catalogInfo(serverUrl, config.oauth);
  const challenge = await challengeOf(fetchFn, serverUrl);
  const prm = await protectedResourceMetadata(fetchFn, serverUrl, challenge.resourceMetadataUrl);
  const expected = resourceUrlFromServerUrl(serverUrl);
  if (prm && !checkResourceAllowed({ requestedResource: expected, configuredResource: prm.resource })) {
    throw new OAuthUnsupportedError(`The protected resource metadata names another resource (${prm.resource}), not ${expected.href}`);
  }
  const authServerUrl = prm?.authorization_servers?.[0] ?? new URL('/', serverUrl).href;
  const metadata = await discoverAuthorizationServerMetadata(authServerUrl, { fetchFn });
  if (!metadata) throw new OAuthUnsupportedError(`No OAuth authorization server metadata at ${new URL(authServerUrl).origin}`);
  if (!metadata.code_challenge_methods_supported?.includes(PKCE_METHOD)) {
    throw new OAuthUnsupportedError('The authorization server does not list PKCE S256 in code_challenge_methods_supported');
  }
  const scope = config.oauth?.scope ?? challenge.scope ?? prm?.scopes_supported?.join(' ');
  return { authServerUrl, metadata, resource: prm?.resource ?? expected.href, scope, fromCatalog: false };
}
