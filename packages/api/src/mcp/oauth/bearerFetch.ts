import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { OAuthNeedsAuthError } from './oauthErrors';
import type { OAuthAccessToken, OAuthTokenSource } from './oauthTokenSource';

/**
 * A fetch for one live MCP transport of (installation, user) that carries the user's OAuth access token: kept with
 * the transport like static headers, taken again shortly before it expires, and after a 401 replaced by a refreshed
 * one (or another replica's newer one) with the request sent once more. When no grant is left the 401 stands.
 */
export function bearerFetch(base: FetchLike, tokens: OAuthTokenSource, installationId: string, userId: string): FetchLike {
  let held: OAuthAccessToken | null = null;

  async function token(): Promise<string> {
    const fresh = held && (held.expiresAt === null || held.expiresAt.getTime() - tokens.refreshSkewMs > Date.now());
    if (!fresh) held = await tokens.currentToken(installationId, userId);
    return (held as OAuthAccessToken).accessToken;
  }

  function send(url: string | URL, init: RequestInit | undefined, accessToken: string): Promise<Response> {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${accessToken}`);
    return base(url, { ...init, headers });
  }

  return async (url, init) => {
    const used = await token();
    const res = await send(url, init, used);
    if (res.status !== 401) return res;
    await res.body?.cancel().catch(() => undefined);
    try {
      await tokens.afterUnauthorized(installationId, userId, used);
      held = await tokens.currentToken(installationId, userId);
    } catch (error) {
      if (!(error instanceof OAuthNeedsAuthError)) throw error;
      return new Response(null, { status: 401, statusText: res.statusText, headers: res.headers });
    }
    return send(url, init, held.accessToken);
  };
}
