import type { Mongoose } from 'mongoose';
import { apiKeySchema } from '../schema/apiKey';
import type { IApiKey } from '../schema/apiKey';
import { keysetPage } from '../utils/keysetPage';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export type ApiKeyRecord = Omit<IApiKey, 'hash'>;

export interface NewApiKey {
  organizationId: Id;
  userId: Id;
  name: string;
  prefix: string;
  hash: string;
  expiresAt?: Date | null;
}

/** lastUsedAt is written at most this often per key, so API-key traffic does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;
const PUBLIC_FIELDS = { hash: 0 } as const;

export function createApiKeyMethods(mongoose: Mongoose) {
  const ApiKey = getModel(mongoose, 'ApiKey', apiKeySchema);

  async function createApiKey(input: NewApiKey): Promise<ApiKeyRecord> {
    const doc = await ApiKey.create(input);
    const { hash: _hash, ...key } = doc.toObject();
    return key;
  }

  /** The key with this hash, whatever its state (the caller checks revokedAt / expiresAt). */
  async function findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    return ApiKey.findOne({ hash }, PUBLIC_FIELDS).lean<ApiKeyRecord>();
  }

  /** An active (not revoked) key of the organisation, optionally only when owned by `userId`. */
  async function findApiKeyInOrg(organizationId: Id, id: Id, userId?: Id): Promise<ApiKeyRecord | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    const filter: Record<string, unknown> = { _id, organizationId: orgId, revokedAt: null };
    if (userId) filter.userId = toObjectId(userId);
    return ApiKey.findOne(filter, PUBLIC_FIELDS).lean<ApiKeyRecord>();
  }

  /** Active keys, newest first: the user's when `userId` is given, else the organisation's. */
  async function listApiKeys(input: { organizationId: Id; userId?: Id; limit?: number; after?: string }) {
    const filter: Record<string, unknown> = { organizationId: toObjectId(input.organizationId), revokedAt: null };
    if (input.userId) filter.userId = toObjectId(input.userId);
    return keysetPage<IApiKey, ApiKeyRecord>(ApiKey, { filter, limit: input.limit, after: input.after, projection: PUBLIC_FIELDS });
  }

  /** Marks the key revoked; null when there was no active key (so revoking twice is a 404). */
  async function revokeApiKey(organizationId: Id, id: Id, userId?: Id): Promise<ApiKeyRecord | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    const filter: Record<string, unknown> = { _id, organizationId: orgId, revokedAt: null };
    if (userId) filter.userId = toObjectId(userId);
    return ApiKey.findOneAndUpdate(filter, { $set: { revokedAt: new Date() } }, { new: true, projection: PUBLIC_FIELDS }).lean<ApiKeyRecord>();
  }

  async function revokeApiKeysOfUser(userId: Id): Promise<void> {
    const uid = toObjectId(userId);
    if (!uid) return;
    await ApiKey.updateMany({ userId: uid, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  /** Records a use, at most once a minute per key. */
  async function touchApiKey(id: Id, now = new Date()): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    const stale = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    await ApiKey.updateOne({ _id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: stale } }] }, { $set: { lastUsedAt: now } });
  }

  return {
    createApiKey,
    findApiKeyByHash,
    findApiKeyInOrg,
    listApiKeys,
    revokeApiKey,
    revokeApiKeysOfUser,
    touchApiKey,
  };
}
