import { Schema } from 'mongoose';
import type { Types } from 'mongoose';

export interface IAuditLog {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  actorId: Types.ObjectId | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** Never holds secrets: callers pass names and ids, not values. */
  details: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
}

export const auditLogSchema = new Schema<IAuditLog>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    actorId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    action: { type: String, required: true },
    targetType: { type: String, default: null },
    targetId: { type: String, default: null },
    details: { type: Schema.Types.Mixed, default: {} },
    requestId: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);

auditLogSchema.index({ organizationId: 1, _id: -1 });
auditLogSchema.index({ organizationId: 1, action: 1, _id: -1 });
