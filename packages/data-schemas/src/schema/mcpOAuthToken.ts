import { Schema } from 'mongoose';
import type { Types } from 'mongoose';

/**
 * The OAuth tokens one user holds for one installation, with what refresh and revocation need (client and
 * authorization server), so neither has to discover anything again. Secrets are credential envelopes.
 */
export interface IMcpOAuthToken {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  installationId: Types.ObjectId;
  userId: Types.ObjectId;
  serverId: Types.ObjectId;
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  scope: string | null;
  expiresAt: Date | null;
  /** Credential envelope of the OAuth client information (a client secret may be in it). */
  clientInformation: string;
  authServerUrl: string;
  authServerMetadata: Record<string, unknown>;
  resource: string | null;
  /** Bumped on every save: a process that waited for another's refresh sees it changed. */
  generation: number;
  updatedAt: Date;
}

export const mcpOAuthTokenSchema = new Schema<IMcpOAuthToken>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    installationId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    serverId: { type: Schema.Types.ObjectId, required: true },
    accessToken: { type: String, required: true },
    refreshToken: { type: String, default: null },
    tokenType: { type: String, default: 'Bearer' },
    scope: { type: String, default: null },
    expiresAt: { type: Date, default: null },
    clientInformation: { type: String, required: true },
    authServerUrl: { type: String, required: true },
    authServerMetadata: { type: Schema.Types.Mixed, required: true },
    resource: { type: String, default: null },
    generation: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'mcpoauthtokens', versionKey: false, minimize: false },
);

mcpOAuthTokenSchema.index({ installationId: 1, userId: 1 }, { unique: true });
mcpOAuthTokenSchema.index({ serverId: 1 });
mcpOAuthTokenSchema.index({ userId: 1 });
