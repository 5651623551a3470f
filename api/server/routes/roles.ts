import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { roleController } from '../controllers/roles';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { noInput } from '../validation/common';
import { createRoleRules, roleNameRules, setRolePermissionsRules } from '../validation/roles';
import type { RouteDeps } from './routeDeps';

const { ROLES } = PermissionTypes;
const P = Permissions;

export function roleRoutes({ auth, services }: RouteDeps): Router {
  const c = roleController(services);
  const r = Router();
  r.get('/', auth, can(ROLES, P.READ), validate(noInput), c.list);
  r.post('/', auth, can(ROLES, P.CREATE), validate(createRoleRules), c.create);
  r.get('/:name', auth, can(ROLES, P.READ), validate(roleNameRules), c.get);
  r.put('/:name/:permissionType', auth, can(ROLES, P.UPDATE), validate(setRolePermissionsRules), c.setPermissions);
  return r;
}
