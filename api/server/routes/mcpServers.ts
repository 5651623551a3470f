import { Router } from 'express';
import { PermissionBits, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { mcpServerController } from '../controllers/mcpServers';
import { createCanAccessMcpServer } from '../middleware/canAccessMcpServer';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { createServerRules, deleteServerRules, listServersRules, serverIdRules, serverNameRules, updateServerRules } from '../validation/mcpServers';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVERS } = PermissionTypes;
const P = Permissions;
const B = PermissionBits;

/** The catalog, mounted at `/api/mcp/servers` (LibreChat's paths). Editing needs the EDIT bit, not role CREATE. */
export function mcpServerRoutes({ auth, services }: RouteDeps): Router {
  const c = mcpServerController(services);
  const server = createCanAccessMcpServer(services);
  const r = Router();
  r.get('/', auth, can(MCP_SERVERS, P.USE), validate(listServersRules), c.list);
  r.post('/', auth, can(MCP_SERVERS, P.USE, P.CREATE), validate(createServerRules), c.create);
  r.get('/by-id/:serverId', auth, can(MCP_SERVERS, P.USE), validate(serverIdRules), server(B.VIEW, 'serverId'), c.get);
  r.get('/:serverName', auth, can(MCP_SERVERS, P.USE), validate(serverNameRules), server(B.VIEW), c.get);
  r.patch('/:serverName', auth, can(MCP_SERVERS, P.USE), validate(updateServerRules), server(B.EDIT), c.update);
  r.delete('/:serverName', auth, can(MCP_SERVERS, P.USE), validate(deleteServerRules), server(B.DELETE), c.remove);
  return r;
}
