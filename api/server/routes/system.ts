import { Router } from 'express';
import { systemController } from '../controllers/system';
import { publicRoute } from '../middleware/permissionMarker';
import type { RouteDeps } from './routeDeps';

export function systemRoutes(deps: RouteDeps): Router {
  const c = systemController(deps);
  const r = Router();
  r.get('/health', publicRoute, c.health);
  r.get('/ready', publicRoute, c.ready);
  r.get('/api/openapi.json', publicRoute, c.openApi);
  return r;
}
