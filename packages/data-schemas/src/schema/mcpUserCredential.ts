import { Schema } from 'mongoose';
import type { Types } from 'mongoose';

/**
 * One user's credentials for one installation: custom user variables and their own API key, each value a
 * credential envelope (DESIGN.md §5), keyed by variable name so one variable is set or cleared atomically.
 */
export interface IMcpUserCredential {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  installationId: Types.ObjectId;
  userId: Types.ObjectId;
  values: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

export const mcpUserCredentialSchema = new Schema<IMcpUserCredential>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    installationId: { type: Schema.Types.ObjectId, ref: 'McpInstallation', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    values: { type: Map, of: String, default: {} },
  },
  { timestamps: true, collection: 'mcpusercredentials', versionKey: false },
);

mcpUserCredentialSchema.index({ installationId: 1, userId: 1 }, { unique: true });
