import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { installationController } from '../controllers/installations';
import { mcpConnectionController } from '../controllers/mcpConnections';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { createInstallationRules, installationIdRules, listInstallationsRules, updateInstallationRules } from '../validation/installations';
import { inspectRules } from '../validation/mcpConnections';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVER_INSTALLATIONS, MCP_SERVERS } = PermissionTypes;
const P = Permissions;

/**
 * Installations. Installing for someone else, org scope and team rules are checked in the service
 * (`packages/api/src/installations/`), because they depend on the body and on the target.
 */
export function installationRoutes({ auth, services, publicUrl }: RouteDeps): Router {
  const c = installationController(services);
  const mcp = mcpConnectionController(services, publicUrl);
  const r = Router();
  r.get('/', auth, can(MCP_SERVER_INSTALLATIONS, P.READ), validate(listInstallationsRules), c.list);
  r.post('/', auth, can(MCP_SERVER_INSTALLATIONS, P.CREATE), validate(createInstallationRules), c.create);
  r.get('/:id', auth, can(MCP_SERVER_INSTALLATIONS, P.READ), validate(installationIdRules), c.get);
  r.patch('/:id', auth, can(MCP_SERVER_INSTALLATIONS, P.UPDATE), validate(updateInstallationRules), c.update);
  r.delete('/:id', auth, can(MCP_SERVER_INSTALLATIONS, P.DELETE), validate(installationIdRules), c.remove);
  r.post('/:id/inspect', auth, can(MCP_SERVERS, P.USE), validate(inspectRules), mcp.inspect);
  return r;
}
