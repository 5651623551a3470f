import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { auditController } from '../controllers/audit';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { listAuditRules } from '../validation/audit';
import type { RouteDeps } from './routeDeps';

export function auditRoutes({ auth, services }: RouteDeps): Router {
  const c = auditController(services);
  const r = Router();
  r.get('/', auth, can(PermissionTypes.AUDIT, Permissions.READ), validate(listAuditRules), c.list);
  return r;
}
