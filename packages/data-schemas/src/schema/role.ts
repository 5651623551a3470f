import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import type { RolePermissions } from '@mcp-registry/data-provider';
import { identityWrites } from '../identity/identityWrites';

export interface IRole {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  name: string;
  permissions: RolePermissions;
  createdAt: Date;
  updatedAt: Date;
}

export const roleSchema = new Schema<IRole>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    name: { type: String, required: true },
    permissions: { type: Schema.Types.Mixed, default: {} },
  },
  { timestamps: true, minimize: false },
);

roleSchema.index({ organizationId: 1, name: 1 }, { unique: true });

roleSchema.plugin(identityWrites('roles'));
