import { Schema } from 'mongoose';
import type { Types } from 'mongoose';

/** One refresh-token session (one browser); logout deletes it, refresh rotates its token id. */
export interface ISession {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  /** The id (`jti`) of the only refresh token this session currently accepts. */
  tokenId: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const sessionSchema = new Schema<ISession>(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    tokenId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);

sessionSchema.index({ userId: 1 });
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
