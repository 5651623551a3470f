import { Schema } from 'mongoose';

/** Who may redeem a refresh token right now, across every replica; an expired lease is free to take. */
export interface IMcpOAuthLease {
  _id: string;
  holder: string;
  expiresAt: Date;
}

export const mcpOAuthLeaseSchema = new Schema<IMcpOAuthLease>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'mcpoauthleases', versionKey: false },
);

mcpOAuthLeaseSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 60 });
