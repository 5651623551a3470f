import type { Methods } from '@mcp-registry/data-schemas';
import type { McpOAuth } from '../oauth/createMcpOAuth';
import { OAuthNeedsAuthError } from '../oauth/oauthErrors';
import type { McpOAuthSource } from './oauthSource';

/**
 * The connection manager's OAuth seam over the OAuth store: the user's current access token (refreshed first when
 * it is about to expire) as a bearer header, or none when they hold no usable grant; and a flow to start.
 */
export function oauthSourceFrom(oauth: Pick<McpOAuth, 'tokenSource' | 'start'>, methods: Pick<Methods, 'openStoredConfig'>): McpOAuthSource {
  const tokens = oauth.tokenSource;
  return {
    async resolveOAuthHeaders(target) {
      const installationId = String(target.installation._id);
      if (!(await tokens.hasTokens(installationId, target.userId))) return null;
      try {
        return { Authorization: `Bearer ${await tokens.accessToken(installationId, target.userId)}` };
      } catch (error) {
        if (error instanceof OAuthNeedsAuthError) return null;
        throw error;
      }
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
