import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { apiKeyController } from '../controllers/apiKeys';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { apiKeyIdRules, createApiKeyRules, listApiKeysRules } from '../validation/apiKeys';
import type { RouteDeps } from './routeDeps';

const { API_KEYS } = PermissionTypes;
const P = Permissions;

/** Own keys need READ/CREATE/DELETE; other users' keys additionally API_KEYS:ADMIN (checked in the service). */
export function apiKeyRoutes({ auth, services }: RouteDeps): Router {
  const c = apiKeyController(services);
  const r = Router();
  r.get('/', auth, can(API_KEYS, P.READ), validate(listApiKeysRules), c.list);
  r.post('/', auth, can(API_KEYS, P.CREATE), validate(createApiKeyRules), c.create);
  r.delete('/:id', auth, can(API_KEYS, P.DELETE), validate(apiKeyIdRules), c.revoke);
  return r;
}
