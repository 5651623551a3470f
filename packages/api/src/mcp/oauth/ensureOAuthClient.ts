import { registerClient } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { TokenExchangeMethod } from '@mcp-registry/data-provider';
import type { Methods, PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import type { AuthServerInfo } from './authServerInfo';
import { OAuthUnsupportedError } from './oauthErrors';

export type EnsureOAuthClientDeps = Pick<Methods, 'findOAuthClient' | 'saveOAuthClient'> & { oauthFetch: FetchLike };

function catalogClient(oauth: NonNullable<PlainMcpServerConfig['oauth']>): OAuthClientInformationMixed {
  const basic = oauth.token_exchange_method === TokenExchangeMethod.BASIC_AUTH_HEADER;
  if (!oauth.client_secret) return { client_id: oauth.client_id as string, token_endpoint_auth_method: 'none' } as OAuthClientInformationMixed;
  return {
    client_id: oauth.client_id as string,
    client_secret: oauth.client_secret,
    token_endpoint_auth_method: basic ? 'client_secret_basic' : 'client_secret_post',
  } as OAuthClientInformationMixed;
}

/**
 * The OAuth client to authorize with: the catalog's `client_id`, else the client registered for this catalog
 * server earlier (while issuer and redirect URI are unchanged), else a new dynamic registration (RFC 7591).
 */
export async function ensureOAuthClient(
  deps: EnsureOAuthClientDeps,
  input: { serverId: string; config: PlainMcpServerConfig; info: AuthServerInfo; redirectUri: string },
): Promise<OAuthClientInformationMixed> {
  const { config, info, redirectUri } = input;
  if (config.oauth?.client_id) return catalogClient(config.oauth);
  const issuer = info.metadata.issuer;
  const stored = await deps.findOAuthClient(input.serverId);
  if (stored && stored.issuer === issuer && stored.redirectUri === redirectUri) return stored.clientInformation as OAuthClientInformationMixed;
  if (!info.metadata.registration_endpoint) {
    throw new OAuthUnsupportedError('The authorization server offers no dynamic client registration and the catalog names no client_id');
  }
  const registered = await registerClient(info.authServerUrl, {
    metadata: info.metadata,
    clientMetadata: {
      client_name: 'MCP Registry',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...(info.scope ? { scope: info.scope } : {}),
    },
    fetchFn: deps.oauthFetch,
  });
  await deps.saveOAuthClient(input.serverId, { issuer, redirectUri, clientInformation: registered as unknown as Record<string, unknown> });
  return registered;
}
