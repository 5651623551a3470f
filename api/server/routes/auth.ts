import cookieParser from 'cookie-parser';
import { Router } from 'express';
import { authController } from '../controllers/auth';
import { publicRoute } from '../middleware/permissionMarker';
import { validate } from '../middleware/validate';
import { loginRules } from '../validation/auth';
import { noInput } from '../validation/common';
import type { RouteDeps } from './routeDeps';

export function authRoutes({ services, config, loginLimiter }: RouteDeps): Router {
  const c = authController(services, config);
  const r = Router();
  r.use(cookieParser());
  r.post('/login', publicRoute, loginLimiter, validate(loginRules), c.login);
  r.post('/refresh', publicRoute, validate(noInput), c.refresh);
  r.post('/logout', publicRoute, validate(noInput), c.logout);
  return r;
}
