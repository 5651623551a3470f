import express, { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { can } from '../server/middleware/checkAccess';
import { publicRoute } from '../server/middleware/permissionMarker';
import { assertEveryRouteGuarded, listMountedRoutes } from '../server/routeInventory';

function appWith(router: Router) {
  const app = express();
  app.use('/api/things', router);
  return app;
}

describe('deny by default', () => {
  it('refuses to start when a route has no permission decision, naming it', () => {
    const r = Router();
    r.get('/', can(PermissionTypes.USERS, Permissions.READ), (_req, res) => res.end());
    r.delete('/:id', (_req, res) => res.end());
    expect(() => assertEveryRouteGuarded(appWith(r))).toThrow('Routes without a permission check: DELETE /api/things/:id');
  });

  it('accepts routes that say explicitly they are public', () => {
    const r = Router();
    r.post('/hook', publicRoute, (_req, res) => res.end());
    expect(() => assertEveryRouteGuarded(appWith(r))).not.toThrow();
    expect(listMountedRoutes(appWith(r))).toEqual([{ method: 'POST', path: '/api/things/hook', guarded: true }]);
  });
});
