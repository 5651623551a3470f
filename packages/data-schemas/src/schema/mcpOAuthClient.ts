import { Schema } from 'mongoose';
import type { Types } from 'mongoose';

/** A client registered dynamically (RFC 7591) for a catalog server, reused while issuer and redirect URI match. */
export interface IMcpOAuthClient {
  _id: Types.ObjectId;
  serverId: Types.ObjectId;
  issuer: string;
  redirectUri: string;
  /** Credential envelope of the client information the authorization server returned. */
  clientInformation: string;
  createdAt: Date;
}

export const mcpOAuthClientSchema = new Schema<IMcpOAuthClient>(
  {
    serverId: { type: Schema.Types.ObjectId, required: true },
    issuer: { type: String, required: true },
    redirectUri: { type: String, required: true },
    clientInformation: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'mcpoauthclients', versionKey: false },
);

mcpOAuthClientSchema.index({ serverId: 1 }, { unique: true });
