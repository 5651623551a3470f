import type { AuditEntryDto } from '@mcp-registry/data-provider';
import type { IAuditLog } from '@mcp-registry/data-schemas';

export function toAuditEntryDto(entry: IAuditLog): AuditEntryDto {
  return {
    id: String(entry._id),
    organizationId: String(entry.organizationId),
    actorId: entry.actorId ? String(entry.actorId) : null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
    createdAt: new Date(entry.createdAt).toISOString(),
  };
}
