import type { ApiKeyRecord } from '@mcp-registry/data-schemas';
import type { ActorIdentity } from './actor';

export interface ActorCache {
  /** The cached identity, or the result of `load` (concurrent misses for one user share one load). */
  get(userId: string, load: () => Promise<ActorIdentity | null>): Promise<ActorIdentity | null>;
  invalidateUser(userId: string): void;
  /** After a change that can touch many users (a role's permissions). */
  invalidateAll(): void;
  /** The API key record with this hash (revocation and expiry are checked by the caller on every use). */
  getApiKey(hash: string, load: () => Promise<ApiKeyRecord | null>): Promise<ApiKeyRecord | null>;
  /** After any key was revoked in this process. */
  invalidateApiKeys(): void;
}

interface Entry<V> {
  value: Promise<V | null>;
  expiresAt: number;
}

interface CacheOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

/** Promises by key for `ttlMs`; misses (null) and failures are not kept. */
function createTtlMap<V>(options: CacheOptions) {
  const entries = new Map<string, Entry<V>>();
  const max = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;

  function get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    if (options.ttlMs <= 0) return load();
    const t = now();
    const hit = entries.get(key);
    if (hit && hit.expiresAt > t) return hit.value;
    if (entries.size >= max) entries.delete(entries.keys().next().value as string);
    const value = load();
    const entry = { value, expiresAt: t + options.ttlMs };
    entries.set(key, entry);
    value.then(
      (v) => v === null && entries.get(key) === entry && entries.delete(key),
      () => entries.get(key) === entry && entries.delete(key),
    );
    return value;
  }

  return { get, delete: (key: string) => void entries.delete(key), clear: () => entries.clear() };
}

/**
 * Remembers resolved callers (and API key records) for `ttlMs`, so an authenticated request needs no database
 * round trip. Writes in this process invalidate at once; other processes see a change within `ttlMs`.
 * `ttlMs = 0` disables it.
 */
export function createActorCache(options: CacheOptions): ActorCache {
  const identities = createTtlMap<ActorIdentity>(options);
  const apiKeys = createTtlMap<ApiKeyRecord>(options);
  return {
    get: identities.get,
    invalidateUser: identities.delete,
    invalidateAll: () => {
      identities.clear();
      apiKeys.clear();
    },
    getApiKey: apiKeys.get,
    invalidateApiKeys: apiKeys.clear,
  };
}
