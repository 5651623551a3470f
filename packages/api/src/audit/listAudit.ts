import type { Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';

export type ListAuditDeps = Pick<Methods, 'listAuditEntries'>;

export interface ListAuditInput {
  limit?: number;
  after?: string;
  action?: string;
  actorId?: string;
}

export function listAudit(deps: ListAuditDeps, actor: Actor, input: ListAuditInput) {
  return deps.listAuditEntries({ organizationId: actor.organizationId, ...input });
}
