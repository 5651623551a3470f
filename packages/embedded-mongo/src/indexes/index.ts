import type { Collation } from '../query/collation';
import { parseCollation } from '../query/collation';
import type { Matcher } from '../query/mingo';
import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import type { IndexField } from './indexKeys';
import { extractKeys, parseKeyPattern } from './indexKeys';
import type { Key } from './keyCompare';
import { SortedEntries } from './sortedEntries';

export interface IndexSpec extends Doc {
  v: number;
  key: Doc;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
}

export const ID_INDEX_NAME = '_id_';

/** One index of a collection: its spec, its ordered entries and the uniqueness check. */
export class Index {
  readonly fields: IndexField[];
  readonly dirs: number[];
  readonly special: boolean;
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partial: Matcher | null;
  readonly entries: SortedEntries;
  readonly isId: boolean;
  /** Keys of a collated index hold each string's equality key, so uniqueness follows the collation. */
  readonly collation: Collation | null;
  multikey = false;

  constructor(readonly spec: IndexSpec) {
    const pattern = parseKeyPattern(spec.key);
    this.fields = pattern.fields;
    this.special = pattern.special;
    this.dirs = this.fields.map((f) => f.dir);
    this.isId = spec.name === ID_INDEX_NAME;
    this.unique = this.isId || spec.unique === true;
    this.sparse = spec.sparse === true;
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : null;
    this.entries = new SortedEntries(this.dirs);
    this.collation = this.isId ? null : parseCollation(spec.collation);
  }

  get name(): string {
    return this.spec.name;
  }

  /** The keys `doc` has in this index, or null when the index does not cover it (partial, sparse, special). */
  keysFor(doc: Doc): Key[] | null {
    if (this.special) return null;
    if (this.partial && !this.partial(doc)) return null;
    const extracted = extractKeys(doc, this.fields);
    if (this.sparse && !extracted.present) return null;
    if (extracted.multikey) this.multikey = true;
    const collation = this.collation;
    if (!collation) return extracted.keys;
    return extracted.keys.map((key) => key.map((value) => (typeof value === 'string' ? collation.equalityKey(value) : value)));
  }

  add(id: string, doc: Doc): void {
    const keys = this.keysFor(doc);
    if (!keys) return;
    for (const key of keys) this.entries.insert({ key, id });
  }

  remove(id: string, doc: Doc): void {
    const keys = this.keysFor(doc);
    if (!keys) return;
    for (const key of keys) this.entries.remove({ key, id });
  }

  /** Validates `doc`'s keys; for unique indexes, the first key another document (not `id`) already holds. */
  conflict(doc: Doc, id: string): Key | null {
    const keys = this.keysFor(doc);
    if (!keys || !this.unique) return null;
    for (const key of keys) {
      for (const entry of this.entries.scan({ key, tie: 1 }, { key, tie: -1 })) {
        if (entry.id !== id) return key;
      }
    }
    return null;
  }
}
