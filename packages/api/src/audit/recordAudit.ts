import type { AuditAction } from '@mcp-registry/data-provider';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';

export type AuditDeps = Pick<Methods, 'createAuditEntry'> & { logger: Logger };

export interface AuditInput {
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Names and ids only — never secret values. */
  details?: Record<string, unknown>;
  /** Needed when there is no actor (CLI, login). */
  organizationId?: string;
  actorId?: string;
  requestId?: string;
}

/**
 * Appends an audit entry after a change succeeded. A failed audit write is logged, not thrown: the change it
 * describes has already happened and the client must learn that.
 */
export async function recordAudit(deps: AuditDeps, actor: Actor | null, input: AuditInput): Promise<void> {
  const organizationId = input.organizationId ?? actor?.organizationId;
  if (!organizationId) return;
  try {
    await deps.createAuditEntry({
      organizationId,
      actorId: input.actorId ?? actor?.id ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      details: input.details ?? {},
      requestId: input.requestId ?? actor?.requestId ?? null,
    });
  } catch (error) {
    deps.logger.error('[audit] could not record entry', { action: input.action, organizationId, error });
  }
}
