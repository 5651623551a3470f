import { Router } from 'express';
import { userController } from '../controllers/users';
import { anyAuthenticated } from '../middleware/permissionMarker';
import { validate } from '../middleware/validate';
import { noInput } from '../validation/common';
import type { RouteDeps } from './routeDeps';

export function currentUserRoutes({ auth, services }: RouteDeps): Router {
  const c = userController(services);
  const r = Router();
  r.get('/', auth, anyAuthenticated, validate(noInput), c.me);
  r.get('/permissions', auth, anyAuthenticated, validate(noInput), c.permissions);
  return r;
}
