import type { ApiKeyRecord, IdentitySource } from '@mcp-registry/data-schemas';
import type { ActorIdentity } from './actor';
import { createBoundedTtlMap } from './boundedTtlMap';

export interface ActorCache {
  /** The cached identity, or the result of `load` (concurrent misses for one user share one load). */
  get(userId: string, load: () => Promise<ActorIdentity | null>): Promise<ActorIdentity | null>;
  /** The API key record with this hash (revocation and expiry are checked by the caller on every use). */
  getApiKey(hash: string, load: () => Promise<ApiKeyRecord | null>): Promise<ApiKeyRecord | null>;
  /** Forgets what a write to `source` may have changed; called for every such write in this process. */
  onIdentityWrite(source: IdentitySource): void;
  /** Entries and estimated bytes held (identities and API key records together). */
  size(): { entries: number; bytes: number };
}

export interface ActorCacheOptions {
  ttlMs: number;
  /** Per kind (identities, API key records). */
  maxEntries?: number;
  /** Per kind, estimated from the JSON size of what is kept. */
  maxBytes?: number;
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** UTF-16 size of the JSON text: a fair upper estimate of small objects of strings. */
const jsonSize = (value: unknown): number => JSON.stringify(value).length * 2;

/**
 * Remembers resolved callers (and API key records) for `ttlMs`, so an authenticated request needs no database
 * round trip. Every write to users, roles and groups made in this process forgets every identity, every write to
 * API keys forgets every key record (see `watchIdentityWrites`); other processes sharing the database see a change
 * within `ttlMs`. `ttlMs = 0` disables it.
 */
export function createActorCache(options: ActorCacheOptions): ActorCache {
  const bounds = { ttlMs: options.ttlMs, maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, now: options.now };
  const identities = createBoundedTtlMap<ActorIdentity>({ ...bounds, sizeOf: jsonSize });
  const apiKeys = createBoundedTtlMap<ApiKeyRecord>({ ...bounds, sizeOf: jsonSize });
  return {
    get: identities.get,
    getApiKey: apiKeys.get,
    onIdentityWrite(source) {
      if (source === 'apiKeys') apiKeys.clear();
      else identities.clear();
    },
    size() {
      const a = identities.size();
      const b = apiKeys.size();
      return { entries: a.entries + b.entries, bytes: a.bytes + b.bytes };
    },
  };
}
