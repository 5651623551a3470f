import { refreshAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import type { AuthorizationServerMetadata, OAuthClientInformationMixed } from '@modelcontextprotocol/sdk/shared/auth.js';
import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { PlainMcpOAuthToken } from '@mcp-registry/data-schemas';
import { OAuthNeedsAuthError } from './oauthErrors';
import type { McpOAuthDeps } from './oauthDeps';
import { tokenContextOf, toStoredTokens } from './storedTokens';

const WAIT_STEP_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function leaseKey(row: Pick<PlainMcpOAuthToken, 'installationId' | 'userId'>): string {
  return `refresh:${row.installationId}:${row.userId}`;
}

/** The provider said the grant is gone: only a new authorization helps. */
function isRefusedGrant(error: unknown): boolean {
  return error instanceof OAuthError && (error.errorCode === 'invalid_grant' || error.errorCode === 'unauthorized_client' || error.errorCode === 'invalid_client');
}

async function redeemRefreshToken(deps: McpOAuthDeps, stale: PlainMcpOAuthToken): Promise<PlainMcpOAuthToken> {
  if (!stale.refreshToken) throw new OAuthNeedsAuthError('The access token expired and there is no refresh token');
  try {
    const tokens = await refreshAuthorization(stale.authServerUrl, {
      metadata: stale.authServerMetadata as unknown as AuthorizationServerMetadata,
      clientInformation: stale.clientInformation as unknown as OAuthClientInformationMixed,
      refreshToken: stale.refreshToken,
      resource: stale.resource ? new URL(stale.resource) : undefined,
      fetchFn: deps.oauthFetch,
    });
    const saved = await deps.replaceRefreshedOAuthTokens(toStoredTokens(tokens, tokenContextOf(stale), stale), stale.generation);
    if (!saved) throw new OAuthNeedsAuthError('The tokens were replaced or revoked during the refresh');
    return saved;
  } catch (error) {
    if (!isRefusedGrant(error)) throw error;
    await deps.takeOAuthTokens({ installationId: stale.installationId, userId: stale.userId });
    deps.logger.info('[MCP OAuth] refresh refused, authorization needed again', { installationId: stale.installationId, userId: stale.userId });
    throw new OAuthNeedsAuthError('The authorization server refused the refresh token');
  }
}

/**
 * Refreshes tokens read as `stale`, once across every process sharing the database: the lease holder redeems
 * the refresh token; everyone else waits until the stored generation moves and uses the winner's tokens. A
 * provider that rotates refresh tokens would revoke the grant if the same one were redeemed twice.
 */
export async function refreshOAuthTokens(deps: McpOAuthDeps, stale: PlainMcpOAuthToken): Promise<PlainMcpOAuthToken> {
  const key = leaseKey(stale);
  const deadline = Date.now() + deps.oauth.refreshLeaseMs + 1_000;
  while (Date.now() < deadline) {
    const current = await deps.readOAuthTokens(stale.installationId, stale.userId);
    if (!current) throw new OAuthNeedsAuthError('The OAuth tokens were removed');
    if (current.generation !== stale.generation) return current;
    if (await deps.acquireOAuthLease(key, deps.oauth.holderId, deps.oauth.refreshLeaseMs)) {
      try {
        const fresh = await deps.readOAuthTokens(stale.installationId, stale.userId);
        if (!fresh) throw new OAuthNeedsAuthError('The OAuth tokens were removed');
        if (fresh.generation !== stale.generation) return fresh;
        return await redeemRefreshToken(deps, fresh);
      } finally {
        await deps.releaseOAuthLease(key, deps.oauth.holderId);
      }
    }
    await sleep(WAIT_STEP_MS);
  }
  throw new OAuthNeedsAuthError('Timed out waiting for another refresh of the OAuth tokens');
}
