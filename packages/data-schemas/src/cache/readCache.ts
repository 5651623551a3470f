import { deepFreeze } from './deepFreeze';

export interface ReadCacheOptions {
  /** How long a result may be reused when nothing in this process wrote meanwhile; 0 turns the cache off. */
  ttlMs: number;
  /** The write generation (see trackWrites); any change discards every entry. */
  generation: () => number;
  maxEntries?: number;
  now?: () => number;
}

export interface ReadCache {
  memoize<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
}

interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Read-through cache of database reads, keyed by method name and arguments (JSON). Exact within this process: any
 * write to a tracked collection discards every entry, and the generation is read before the database is, so a
 * read that raced a write is never kept. Writes made by other processes are seen after at most `ttlMs`.
 * Concurrent misses of one key share a single read; a failed read is not kept. Results are deep-frozen, since
 * every caller of a key gets the same objects.
 */
export function createReadCache(options: ReadCacheOptions): ReadCache {
  const entries = new Map<string, Entry>();
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  let seenGeneration = options.generation();

  function dropIfWritten(): void {
    const generation = options.generation();
    if (generation === seenGeneration) return;
    entries.clear();
    seenGeneration = generation;
  }

  function store(key: string, value: Promise<unknown>): void {
    entries.set(key, { expiresAt: now() + options.ttlMs, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
  }

  function memoize<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    if (options.ttlMs <= 0) return read;
    return (...args: A): Promise<R> => {
      dropIfWritten();
      const key = `${name}:${JSON.stringify(args)}`;
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.value as Promise<R>;
      const value = read(...args).then(deepFreeze);
      store(key, value);
      return value;
    };
  }

  return { memoize };
}
