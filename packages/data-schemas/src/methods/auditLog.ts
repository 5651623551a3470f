import type { Mongoose } from 'mongoose';
import { auditLogSchema } from '../schema/auditLog';
import type { IAuditLog } from '../schema/auditLog';
import { keysetPage } from '../utils/keysetPage';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export interface NewAuditEntry {
  organizationId: Id;
  actorId?: Id | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

export function createAuditLogMethods(mongoose: Mongoose) {
  const AuditLog = getModel(mongoose, 'AuditLog', auditLogSchema);

  async function createAuditEntry(entry: NewAuditEntry): Promise<IAuditLog> {
    const doc = await AuditLog.create(entry);
    return doc.toObject();
  }

  /** Newest first, optionally filtered by action and actor. */
  async function listAuditEntries(input: { organizationId: Id; action?: string; actorId?: Id; limit?: number; after?: string }) {
    const filter: Record<string, unknown> = { organizationId: toObjectId(input.organizationId) };
    if (input.action) filter.action = input.action;
    if (input.actorId) filter.actorId = toObjectId(input.actorId);
    return keysetPage(AuditLog, { filter, limit: input.limit, after: input.after });
  }

  return { createAuditEntry, listAuditEntries };
}
