import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { userController } from '../controllers/users';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { createUserRules, listUsersRules, updateUserRules, userIdRules } from '../validation/users';
import type { RouteDeps } from './routeDeps';

const { USERS } = PermissionTypes;
const P = Permissions;

export function userRoutes({ auth, services }: RouteDeps): Router {
  const c = userController(services);
  const r = Router();
  r.get('/', auth, can(USERS, P.READ), validate(listUsersRules), c.list);
  r.post('/', auth, can(USERS, P.CREATE), validate(createUserRules), c.create);
  r.get('/:id', auth, can(USERS, P.READ), validate(userIdRules), c.get);
  r.patch('/:id', auth, can(USERS, P.UPDATE), validate(updateUserRules), c.update);
  r.delete('/:id', auth, can(USERS, P.DELETE), validate(userIdRules), c.remove);
  return r;
}
