import type { PlainMcpOAuthToken } from '@mcp-registry/data-schemas';
import { OAuthNeedsAuthError } from './oauthErrors';
import type { McpOAuthDeps } from './oauthDeps';
import { refreshOAuthTokens } from './refreshOAuthTokens';

/** What the connection manager asks for an OAuth server, per (installation, user). */
export interface OAuthAccessToken {
  accessToken: string;
  expiresAt: Date | null;
}

export interface OAuthTokenSource {
  /** A usable access token, refreshed first when it expires within the skew; throws OAuthNeedsAuthError otherwise. */
  accessToken(installationId: string, userId: string): Promise<string>;
  /** The same, with its expiry, for a live transport that keeps it until shortly before then. */
  currentToken(installationId: string, userId: string): Promise<OAuthAccessToken>;
  /** How long before `expiresAt` a token counts as expired. */
  readonly refreshSkewMs: number;
  /** After the server answered 401 to `rejected`: a refreshed token (or another process's newer one). */
  afterUnauthorized(installationId: string, userId: string, rejected: string): Promise<string>;
  /** True when the user holds tokens for the installation (no network call). */
  hasTokens(installationId: string, userId: string): Promise<boolean>;
}

function expiresSoon(row: PlainMcpOAuthToken, skewMs: number): boolean {
  return row.expiresAt !== null && row.expiresAt.getTime() - skewMs <= Date.now();
}

export function createOAuthTokenSource(deps: McpOAuthDeps): OAuthTokenSource {
  /** Concurrent callers of one process share one pass through the cross-process lease. */
  const inFlight = new Map<string, Promise<PlainMcpOAuthToken>>();

  function refreshOnce(stale: PlainMcpOAuthToken): Promise<PlainMcpOAuthToken> {
    const key = `${stale.installationId}:${stale.userId}:${stale.generation}`;
    const running = inFlight.get(key);
    if (running) return running;
    const next = refreshOAuthTokens(deps, stale).finally(() => inFlight.delete(key));
    inFlight.set(key, next);
    return next;
  }

  async function read(installationId: string, userId: string): Promise<PlainMcpOAuthToken> {
    const row = await deps.readOAuthTokens(installationId, userId);
    if (!row) throw new OAuthNeedsAuthError('No OAuth tokens: the user must authorize this server');
    return row;
  }

  async function current(installationId: string, userId: string): Promise<PlainMcpOAuthToken> {
    const row = await read(installationId, userId);
    return expiresSoon(row, deps.oauth.refreshSkewMs) ? refreshOnce(row) : row;
  }

  return {
    refreshSkewMs: deps.oauth.refreshSkewMs,
    async accessToken(installationId, userId) {
      return (await current(installationId, userId)).accessToken;
    },
    async currentToken(installationId, userId) {
      const { accessToken, expiresAt } = await current(installationId, userId);
      return { accessToken, expiresAt };
    },
    async afterUnauthorized(installationId, userId, rejected) {
      const row = await read(installationId, userId);
      if (row.accessToken !== rejected) return row.accessToken;
      return (await refreshOnce(row)).accessToken;
    },
    async hasTokens(installationId, userId) {
      return (await deps.countOAuthTokens({ installationId, userId })) > 0;
    },
  };
}
