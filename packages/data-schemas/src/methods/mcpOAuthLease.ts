import type { Mongoose } from 'mongoose';
import { mcpOAuthLeaseSchema } from '../schema/mcpOAuthLease';
import { getModel } from '../utils/model';
import { isDuplicateKeyError } from '../utils/duplicateKey';

export function createMcpOAuthLeaseMethods(mongoose: Mongoose) {
  const Lease = getModel(mongoose, 'McpOAuthLease', mcpOAuthLeaseSchema);

  /**
   * Takes the lease `key` for `holder` when it is free or expired: one atomic upsert, so of several processes
   * racing exactly one gets true (the others hit the held document or the unique `_id`).
   */
  async function acquireOAuthLease(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    try {
      const row = await Lease.findOneAndUpdate(
        { _id: key, expiresAt: { $lte: now } },
        { $set: { holder, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, new: true, lean: true },
      );
      return row?.holder === holder;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async function releaseOAuthLease(key: string, holder: string): Promise<void> {
    await Lease.deleteOne({ _id: key, holder });
  }

  return { acquireOAuthLease, releaseOAuthLease };
}
