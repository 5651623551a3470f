export interface BoundedTtlMapOptions<V> {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  /** Estimated size of a loaded value in bytes. */
  sizeOf: (value: V) => number;
  now?: () => number;
}

interface Entry<V> {
  value: Promise<V | null>;
  expiresAt: number;
  bytes: number;
}

/** Map, promise and bookkeeping per entry, besides the key and the value. */
const ENTRY_OVERHEAD_BYTES = 160;

/**
 * Loads by key, keeping each found value for `ttlMs` within `maxEntries` and `maxBytes` (least recently used go
 * first; expired entries are dropped as new ones come in). Concurrent misses of a key share one load; misses (null)
 * and failures are not kept; `clear()` also discards loads still in flight.
 */
export function createBoundedTtlMap<V>(options: BoundedTtlMapOptions<V>) {
  const entries = new Map<string, Entry<V>>();
  const now = options.now ?? Date.now;
  let bytes = 0;

  function remove(key: string, entry: Entry<V>): void {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function evict(t: number): void {
    for (const [key, entry] of entries) {
      const over = entries.size > options.maxEntries || bytes > options.maxBytes;
      if (!over && entry.expiresAt > t) return;
      remove(key, entry);
    }
  }

  function settle(key: string, entry: Entry<V>, value: V | null): void {
    if (entries.get(key) !== entry) return;
    if (value === null) return remove(key, entry);
    entry.bytes = ENTRY_OVERHEAD_BYTES + key.length * 2 + options.sizeOf(value);
    bytes += entry.bytes;
    evict(now());
  }

  function get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    if (options.ttlMs <= 0) return load();
    const t = now();
    const hit = entries.get(key);
    if (hit && hit.expiresAt > t) {
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    if (hit) remove(key, hit);
    const entry: Entry<V> = { value: load(), expiresAt: t + options.ttlMs, bytes: 0 };
    entries.set(key, entry);
    evict(t);
    entry.value.then(
      (value) => settle(key, entry, value),
      () => remove(key, entry),
    );
    return entry.value;
  }

  function clear(): void {
    entries.clear();
    bytes = 0;
  }

  return { get, clear, size: () => ({ entries: entries.size, bytes }) };
}
