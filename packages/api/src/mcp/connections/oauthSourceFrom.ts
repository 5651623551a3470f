import type { Methods } from '@mcp-registry/data-schemas';
import type { McpOAuth } from '../oauth/createMcpOAuth';
import { bearerFetch } from '../oauth/bearerFetch';
import { OAuthNeedsAuthError } from '../oauth/oauthErrors';
import type { McpOAuthSource } from './oauthSource';

/**
 * The connection manager's OAuth seam over the OAuth store: the user's access token on every request of the
 * transport (refreshed before it expires and after a 401, once across replicas), or none when they hold no usable
 * grant; and a flow to start.
 */
export function oauthSourceFrom(oauth: Pick<McpOAuth, 'tokenSource' | 'start'>, methods: Pick<Methods, 'openStoredConfig'>): McpOAuthSource {
  const tokens = oauth.tokenSource;
  return {
    async resolveOAuthHeaders() {
      return null;
    },
    async transportFetch(target) {
      const installationId = String(target.installation._id);
      if (!(await tokens.hasTokens(installationId, target.userId))) return null;
      try {
        await tokens.currentToken(installationId, target.userId);
      } catch (error) {
        if (error instanceof OAuthNeedsAuthError) return null;
        throw error;
      }
      return (fetch) => bearerFetch(fetch, tokens, installationId, target.userId);
    },
    async startAuthorization(actor, target) {
      const { installation, server } = target;
      const config = methods.openStoredConfig(server.config);
      const usable = { installation, serverId: String(server._id), serverName: server.serverName, serverVersion: server.version, config };
      const { authorizationUrl, csrfToken } = await oauth.start(actor, usable);
      return { authorizationUrl, csrfToken };
    },
  };
}
