import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { mcpConnectionController } from '../controllers/mcpConnections';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { callToolRules, serverNameOnlyRules, updateAuthValuesRules } from '../validation/mcpConnections';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVERS } = PermissionTypes;
const P = Permissions;

/**
 * Connections to MCP servers, mounted at `/api/mcp` after the catalog (`/api/mcp/servers`). `:serverName` is the
 * catalog slug and means the caller's usable installation of it (personal, else team, else organisation).
 */
export function mcpConnectionRoutes({ auth, services, publicUrl }: RouteDeps): Router {
  const c = mcpConnectionController(services, publicUrl);
  const r = Router();
  r.get('/tools', auth, can(MCP_SERVERS, P.USE), validate([]), c.tools);
  r.get('/connection/status', auth, can(MCP_SERVERS, P.USE), validate([]), c.status);
  r.get('/connection/status/:serverName', auth, can(MCP_SERVERS, P.USE), validate(serverNameOnlyRules), c.serverStatus);
  r.post('/:serverName/reinitialize', auth, can(MCP_SERVERS, P.USE), validate(serverNameOnlyRules), c.reinitialize);
  r.get('/:serverName/auth-values', auth, can(MCP_SERVERS, P.USE), validate(serverNameOnlyRules), c.getAuthValues);
  r.put('/:serverName/auth-values', auth, can(MCP_SERVERS, P.USE), validate(updateAuthValuesRules), c.updateAuthValues);
  r.post('/:serverName/tools/:toolName/call', auth, can(MCP_SERVERS, P.USE), validate(callToolRules), c.callTool);
  return r;
}
