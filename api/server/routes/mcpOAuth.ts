import cookieParser from 'cookie-parser';
import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { mcpOAuthController } from '../controllers/mcpOAuth';
import { can } from '../middleware/checkAccess';
import { publicRoute } from '../middleware/permissionMarker';
import { validate } from '../middleware/validate';
import { oauthCancelRules, oauthServerRules, oauthStatusRules } from '../validation/mcpOAuth';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVERS } = PermissionTypes;
const P = Permissions;

/**
 * Connecting OAuth-protected MCP servers. The callback is a cross-site redirect from the authorization server,
 * so it carries no JWT: the flow's CSRF cookie is what binds it to the user who started it.
 */
export function mcpOAuthRoutes({ auth, services, publicUrl }: RouteDeps): Router {
  const c = mcpOAuthController(services, publicUrl);
  const r = Router();
  r.post('/:serverName/oauth/initiate', auth, can(MCP_SERVERS, P.USE), validate(oauthServerRules), c.initiate);
  r.get('/:serverName/oauth/callback', publicRoute, cookieParser(), c.callback);
  r.get('/oauth/status/:flowId', auth, can(MCP_SERVERS, P.USE), validate(oauthStatusRules), c.status);
  r.post('/oauth/cancel/:serverName', auth, can(MCP_SERVERS, P.USE), validate(oauthCancelRules), c.cancel);
  r.delete('/:serverName/oauth/tokens', auth, can(MCP_SERVERS, P.USE), validate(oauthServerRules), c.disconnect);
  return r;
}
