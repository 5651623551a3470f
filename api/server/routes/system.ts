import { Router } from 'express';
import { systemController } from '../controllers/system';
import { publicRoute } from '../middleware/permissionMarker';
import { validate } from '../middleware/validate';
import { noInput } from '../validation/common';
import type { RouteDeps } from './routeDeps';

export function systemRoutes(deps: RouteDeps): Router {
  const c = systemController(deps);
  const r = Router();
  r.get('/health', publicRoute, validate(noInput), c.health);
  r.get('/ready', publicRoute, validate(noInput), c.ready);
  r.get('/api/openapi.json', publicRoute, validate(noInput), c.openApi);
  return r;
}
