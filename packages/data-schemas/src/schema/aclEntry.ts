import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { PrincipalType, ResourceType } from '@mcp-registry/data-provider';
import type { PrincipalType as Principal, ResourceType as Resource } from '@mcp-registry/data-provider';

export interface IAclEntry {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  principalType: Principal;
  /** A user or group id (hex), a role name, or null for `public`. */
  principalId: string | null;
  resourceType: Resource;
  resourceId: Types.ObjectId;
  permBits: number;
  /** The access role the bits came from (`mcpServer_viewer` …), when granted through the sharing API. */
  accessRoleId: string | null;
  grantedBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

export const aclEntrySchema = new Schema<IAclEntry>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    principalType: { type: String, enum: Object.values(PrincipalType), required: true },
    principalId: { type: String, default: null },
    resourceType: { type: String, enum: Object.values(ResourceType), required: true },
    resourceId: { type: Schema.Types.ObjectId, required: true },
    permBits: { type: Number, required: true, min: 0 },
    accessRoleId: { type: String, default: null },
    grantedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true, versionKey: false },
);

/** "Who can see this resource" — and one entry per principal per resource. */
aclEntrySchema.index({ resourceType: 1, resourceId: 1, principalType: 1, principalId: 1 }, { unique: true });
/** "What can this principal see". */
aclEntrySchema.index({ organizationId: 1, principalType: 1, principalId: 1, resourceType: 1, resourceId: 1 });
