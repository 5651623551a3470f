import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { NewMcpOAuthToken, PlainMcpOAuthToken } from '@mcp-registry/data-schemas';

type TokenContext = Omit<NewMcpOAuthToken, 'accessToken' | 'refreshToken' | 'tokenType' | 'scope' | 'expiresAt'>;

/**
 * What is stored of a token response. A provider that does not rotate refresh tokens answers a refresh without
 * one: the previous refresh token stays.
 */
export function toStoredTokens(tokens: OAuthTokens, context: TokenContext, previous?: PlainMcpOAuthToken): NewMcpOAuthToken {
  return {
    ...context,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    tokenType: tokens.token_type || 'Bearer',
    scope: tokens.scope ?? previous?.scope ?? null,
    expiresAt: typeof tokens.expires_in === 'number' ? new Date(Date.now() + tokens.expires_in * 1000) : null,
  };
}

export function tokenContextOf(row: PlainMcpOAuthToken): TokenContext {
  const { accessToken: _a, refreshToken: _r, tokenType: _t, scope: _s, expiresAt: _e, generation: _g, ...context } = row;
  return context;
}
