import type { ActorIdentity } from './actor';

export interface ActorCache {
  /** The cached identity, or the result of `load` (concurrent misses for one user share one load). */
  get(userId: string, load: () => Promise<ActorIdentity | null>): Promise<ActorIdentity | null>;
  invalidateUser(userId: string): void;
  /** After a change that can touch many users (a role's permissions). */
  invalidateAll(): void;
}

interface Entry {
  value: Promise<ActorIdentity | null>;
  expiresAt: number;
}

/**
 * Remembers resolved callers for `ttlMs` so an authenticated request needs no database round trip.
 * Writes in this process invalidate at once; other processes see a change within `ttlMs`. `ttlMs = 0` disables it.
 */
export function createActorCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }): ActorCache {
  const entries = new Map<string, Entry>();
  const max = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;

  function get(userId: string, load: () => Promise<ActorIdentity | null>) {
    if (options.ttlMs <= 0) return load();
    const t = now();
    const hit = entries.get(userId);
    if (hit && hit.expiresAt > t) return hit.value;
    if (entries.size >= max) entries.delete(entries.keys().next().value as string);
    const value = load();
    const entry = { value, expiresAt: t + options.ttlMs };
    entries.set(userId, entry);
    value.then(
      (identity) => identity === null && entries.get(userId) === entry && entries.delete(userId),
      () => entries.get(userId) === entry && entries.delete(userId),
    );
    return value;
  }

  return {
    get,
    invalidateUser: (userId) => void entries.delete(userId),
    invalidateAll: () => entries.clear(),
  };
}
