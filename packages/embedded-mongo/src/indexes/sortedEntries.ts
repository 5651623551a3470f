import type { Key } from './keyCompare';
import { compareKeys } from './keyCompare';

export interface Entry {
  key: Key;
  id: string;
}

/** A scan edge; `tie` is what an entry whose key equals `key` compares as (+1: after the bound, -1: before). */
export interface Bound {
  key: Key;
  tie: -1 | 1;
}

const MAX_CHUNK = 1024;

/** An ordered index as a list of sorted chunks: O(log n) search, cheap inserts without a tree. */
export class SortedEntries {
  private chunks: Entry[][] = [];
  size = 0;

  constructor(private readonly dirs: readonly number[]) {}

  private cmp(a: Entry, b: Entry): number {
    return compareKeys(a.key, b.key, this.dirs) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  private vsBound(entry: Entry, bound: Bound): number {
    return compareKeys(entry.key, bound.key, this.dirs) || bound.tie;
  }

  /** Index of the first chunk whose last entry satisfies `after` (or chunks.length). */
  private firstChunk(after: (e: Entry) => boolean): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid] as Entry[];
      if (after(chunk[chunk.length - 1] as Entry)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private static firstIn(chunk: Entry[], after: (e: Entry) => boolean): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (after(chunk[mid] as Entry)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  insert(entry: Entry): void {
    this.size += 1;
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      return;
    }
    const after = (e: Entry): boolean => this.cmp(e, entry) >= 0;
    const c = Math.min(this.firstChunk(after), this.chunks.length - 1);
    const chunk = this.chunks[c] as Entry[];
    chunk.splice(SortedEntries.firstIn(chunk, after), 0, entry);
    if (chunk.length > MAX_CHUNK) this.chunks.splice(c, 1, chunk.slice(0, MAX_CHUNK / 2), chunk.slice(MAX_CHUNK / 2));
  }

  remove(entry: Entry): boolean {
    const after = (e: Entry): boolean => this.cmp(e, entry) >= 0;
    const c = this.firstChunk(after);
    const chunk = this.chunks[c];
    if (!chunk) return false;
    const i = SortedEntries.firstIn(chunk, after);
    const found = chunk[i];
    if (!found || this.cmp(found, entry) !== 0) return false;
    chunk.splice(i, 1);
    if (chunk.length === 0) this.chunks.splice(c, 1);
    this.size -= 1;
    return true;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }

  /** The chunk and the offset in it of the first entry for which `after` holds. */
  private locate(after: (e: Entry) => boolean): [number, number] {
    const c = this.firstChunk(after);
    const chunk = this.chunks[c];
    return [c, chunk ? SortedEntries.firstIn(chunk, after) : 0];
  }

  /** How many entries lie strictly between `low` and `high` (the planner's estimate of a scan's work). */
  count(low: Bound, high: Bound): number {
    const [fromChunk, fromOffset] = this.locate((e) => this.vsBound(e, low) > 0);
    const [toChunk, toOffset] = this.locate((e) => this.vsBound(e, high) >= 0);
    let total = toOffset - fromOffset;
    for (let c = fromChunk; c < toChunk; c++) total += (this.chunks[c] as Entry[]).length;
    return Math.max(0, total);
  }

  /** Entries strictly after `low` and strictly before `high`, in scan order (or reversed). */
  *scan(low: Bound, high: Bound, reverse = false): Generator<Entry> {
    if (!reverse) {
      const after = (e: Entry): boolean => this.vsBound(e, low) > 0;
      const start = this.firstChunk(after);
      for (let c = start; c < this.chunks.length; c++) {
        const chunk = this.chunks[c] as Entry[];
        for (let i = c === start ? SortedEntries.firstIn(chunk, after) : 0; i < chunk.length; i++) {
          const entry = chunk[i] as Entry;
          if (this.vsBound(entry, high) >= 0) return;
          yield entry;
        }
      }
      return;
    }
    const beyond = (e: Entry): boolean => this.vsBound(e, high) >= 0;
    for (let c = Math.min(this.firstChunk(beyond), this.chunks.length - 1); c >= 0; c--) {
      const chunk = this.chunks[c] as Entry[];
      for (let i = SortedEntries.firstIn(chunk, beyond) - 1; i >= 0; i--) {
        const entry = chunk[i] as Entry;
        if (this.vsBound(entry, low) <= 0) return;
        yield entry;
      }
    }
  }
}
