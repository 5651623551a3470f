import { Schema } from 'mongoose';

/** The hits of one client key in its current rate-limit window, shared by every replica. */
export interface IRateLimitWindow {
  /** The limiter's prefix and the client key, e.g. `login:203.0.113.7`. */
  _id: string;
  hits: number;
  /** The window's end; MongoDB's TTL monitor removes the document afterwards. */
  expiresAt: Date;
}

export const rateLimitWindowSchema = new Schema<IRateLimitWindow>(
  {
    _id: { type: String, required: true },
    hits: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'ratelimitwindows', versionKey: false },
);

rateLimitWindowSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
