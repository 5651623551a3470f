import { Schema } from 'mongoose';
import type { Types } from 'mongoose';

/** A user assigned to an installation: who may use it. */
export interface IMcpServerUser {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  installationId: Types.ObjectId;
  userId: Types.ObjectId;
  createdAt: Date;
}

export const mcpServerUserSchema = new Schema<IMcpServerUser>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    installationId: { type: Schema.Types.ObjectId, ref: 'McpInstallation', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'mcpserverusers' },
);

mcpServerUserSchema.index({ installationId: 1, userId: 1 }, { unique: true });
mcpServerUserSchema.index({ userId: 1 });
