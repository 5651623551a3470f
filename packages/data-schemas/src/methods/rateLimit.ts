import type { Mongoose } from 'mongoose';
import { rateLimitWindowSchema } from '../schema/rateLimitWindow';
import type { IRateLimitWindow } from '../schema/rateLimitWindow';
import { retryOnceOnDuplicateKey } from '../utils/duplicateKey';
import { getModel } from '../utils/model';

export interface RateLimitCount {
  hits: number;
  resetAt: Date;
}

/**
 * Rate-limit counters in MongoDB, so that every replica counts against the same limit. A key's window opens with
 * its first hit and lasts `windowMs` (express-rate-limit's own semantics); each step is one atomic update.
 */
export function createRateLimitMethods(mongoose: Mongoose) {
  const RateLimitWindow = getModel(mongoose, 'RateLimitWindow', rateLimitWindowSchema);

  /**
   * Counts one hit in the key's open window, or opens a new one. Two replicas opening the same window at once: the
   * loser's upsert hits the unique `_id` and is retried, and then counts in the winner's window.
   */
  async function countRateLimitHitOnce(key: string, windowMs: number, now = new Date()): Promise<RateLimitCount> {
    const open = await RateLimitWindow.findOneAndUpdate({ _id: key, expiresAt: { $gt: now } }, { $inc: { hits: 1 } }, { new: true }).lean<IRateLimitWindow>();
    if (open) return { hits: open.hits, resetAt: open.expiresAt };
    const expiresAt = new Date(now.getTime() + windowMs);
    await RateLimitWindow.updateOne({ _id: key, expiresAt: { $lte: now } }, { $set: { hits: 1, expiresAt } }, { upsert: true });
    return { hits: 1, resetAt: expiresAt };
  }

  /** Takes back one hit (express-rate-limit's skipSuccessfulRequests and the like). */
  async function uncountRateLimitHit(key: string): Promise<void> {
    await RateLimitWindow.updateOne({ _id: key, hits: { $gt: 0 } }, { $inc: { hits: -1 } });
  }

  async function resetRateLimit(key: string): Promise<void> {
    await RateLimitWindow.deleteOne({ _id: key });
  }

  return { countRateLimitHit: retryOnceOnDuplicateKey(countRateLimitHitOnce), uncountRateLimitHit, resetRateLimit };
}
