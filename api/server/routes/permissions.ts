import { Router } from 'express';
import { PermissionBits, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { mcpServerPermissionController } from '../controllers/permissions';
import { createCanAccessMcpServer } from '../middleware/canAccessMcpServer';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { serverIdRules, updateSharingRules } from '../validation/permissions';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVERS } = PermissionTypes;
const P = Permissions;

/** Sharing of one catalog server, mounted at `/api/permissions/mcpServer` (LibreChat's shape). */
export function mcpServerPermissionRoutes({ auth, services }: RouteDeps): Router {
  const c = mcpServerPermissionController(services);
  const share = createCanAccessMcpServer(services)(PermissionBits.SHARE, 'serverId');
  const r = Router();
  r.get('/:serverId', auth, can(MCP_SERVERS, P.USE), validate(serverIdRules), share, c.get);
  r.put('/:serverId', auth, can(MCP_SERVERS, P.USE, P.SHARE), validate(updateSharingRules), share, c.update);
  return r;
}
