import { OAuthNeedsAuthError } from '../oauth/oauthErrors';
import type { OAuthTokenSource } from '../oauth/oauthTokenSource';
import type { McpOAuthSource } from './oauthSource';

/**
 * The connection manager's OAuth seam over the OAuth token store: the user's current access token (refreshed
 * first when it is about to expire) as a bearer header, or none when they hold no usable grant.
 */
export function oauthSourceFrom(tokens: OAuthTokenSource): McpOAuthSource {
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
  };
}
