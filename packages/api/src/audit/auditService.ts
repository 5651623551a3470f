import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { listAudit } from './listAudit';
import type { ListAuditInput } from './listAudit';

/** Reading the audit log (entries are written by the other services). */
export function createAuditService(deps: ServiceDeps) {
  return {
    list: (actor: Actor, query: ListAuditInput) => listAudit(deps, actor, query),
  };
}
