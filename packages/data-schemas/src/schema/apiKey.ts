import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { identityWrites } from '../identity/identityWrites';

export interface IApiKey {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  userId: Types.ObjectId;
  name: string;
  prefix: string;
  /** SHA-256 of the whole key (hex). */
  hash: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const apiKeySchema = new Schema<IApiKey>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    name: { type: String, required: true, trim: true },
    prefix: { type: String, required: true },
    hash: { type: String, required: true, select: false },
    lastUsedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

apiKeySchema.index({ hash: 1 }, { unique: true });
apiKeySchema.index({ userId: 1, _id: -1 });
apiKeySchema.index({ organizationId: 1, _id: -1 });

apiKeySchema.plugin(identityWrites('apiKeys'));
