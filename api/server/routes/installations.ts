import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { installationController } from '../controllers/installations';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { createInstallationRules, installationIdRules, listInstallationsRules, updateInstallationRules } from '../validation/installations';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVER_INSTALLATIONS } = PermissionTypes;
const P = Permissions;

/**
 * Installations. Installing for someone else, org scope and team rules are checked in the service
 * (`packages/api/src/installations/`), because they depend on the body and on the target.
 */
export function installationRoutes({ auth, services }: RouteDeps): Router {
  const c = installationController(services);
  const r = Router();
  r.get('/', auth, can(MCP_SERVER_INSTALLATIONS, P.READ), validate(listInstallationsRules), c.list);
  r.post('/', auth, can(MCP_SERVER_INSTALLATIONS, P.CREATE), validate(createInstallationRules), c.create);
  r.get('/:id', auth, can(MCP_SERVER_INSTALLATIONS, P.READ), validate(installationIdRules), c.get);
  r.patch('/:id', auth, can(MCP_SERVER_INSTALLATIONS, P.UPDATE), validate(updateInstallationRules), c.update);
  r.delete('/:id', auth, can(MCP_SERVER_INSTALLATIONS, P.DELETE), validate(installationIdRules), c.remove);
  return r;
}
