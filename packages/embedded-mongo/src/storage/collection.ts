import type { UUID } from 'bson';

import { duplicateKeyError } from '../indexes/dupKey';
import type { IndexSpec } from '../indexes/index';
import { ID_INDEX_NAME, Index } from '../indexes/index';
import { compareKeys } from '../indexes/keyCompare';
import { mergeScans } from '../indexes/mergeScans';
import { planQuery } from '../indexes/choosePlan';
import type { QueryPlan } from '../indexes/planner';
import type { Entry } from '../indexes/sortedEntries';
import type { Collation } from '../query/collation';
import { parseCollation } from '../query/collation';
import type { SortField } from '../query/sort';
import { compareBySort } from '../query/sort';
import type { Doc } from '../types';
import { idKey } from './idKey';
import { DocumentValidator } from './validation';

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: ID_INDEX_NAME };

/** Documents of one collection in natural (insertion) order, plus their indexes. */
export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly indexes = new Map<string, Index>();
  /** The collection's default collation (null: simple). */
  readonly collation: Collation | null;
  /** Checked on every insert and update (created with the collection; see `create`). */
  readonly validator: DocumentValidator | null;

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Doc,
    readonly uuid: UUID,
  ) {
    this.indexes.set(ID_INDEX_NAME, new Index(ID_INDEX_SPEC));
    this.collation = parseCollation(options.collation);
    this.validator = loadValidator(options);
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Throws mongod's E11000 error if a new document's `_id` is taken (1, 1.0 and NumberLong(1) are one key). */
  checkNewId(doc: Doc): void {
    if (!this.docs.has(idKey(doc._id))) return;
    const idIndex = this.indexes.get(ID_INDEX_NAME) as Index;
    throw duplicateKeyError(this.ns, ID_INDEX_NAME, idIndex.spec.key, idIndex.fields, [doc._id]);
  }

  /** Throws mongod's E11000 error if `doc` would break a unique index (`doc` may be a new version of a stored one). */
  checkUnique(doc: Doc): void {
    const id = idKey(doc._id);
    for (const index of this.indexes.values()) {
      const key = index.conflict(doc, id);
      if (key) throw duplicateKeyError(this.ns, index.name, index.spec.key, index.fields, key);
    }
  }

  put(doc: Doc): void {
    const id = idKey(doc._id);
    const old = this.docs.get(id);
    for (const index of this.indexes.values()) {
      if (old) index.remove(id, old);
      index.add(id, doc);
    }
    this.docs.set(id, doc);
  }

  remove(idValue: unknown): Doc | undefined {
    const id = idKey(idValue);
    const old = this.docs.get(id);
    if (!old) return undefined;
    for (const index of this.indexes.values()) index.remove(id, old);
    this.docs.delete(id);
    return old;
  }

  /** Builds an index over the current documents; throws E11000 when a unique index meets duplicates. */
  buildIndex(spec: IndexSpec): Index {
    const index = new Index(spec);
    for (const [id, doc] of this.docs) {
      const key = index.conflict(doc, id);
      if (key) throw duplicateKeyError(this.ns, index.name, index.spec.key, index.fields, key);
      index.add(id, doc);
    }
    return index;
  }

  plan(filter: Doc | undefined, sort: SortField[], hint?: Index): QueryPlan {
    return planQuery([...this.indexes.values()], filter, sort, this.docs.size, hint);
  }

  /** Candidate documents for a plan (a superset of the matches), in the plan's order. */
  *candidates(plan: QueryPlan): Generator<Doc> {
    if (plan.union) {
      yield* this.unionCandidates(plan.union.branches, plan.union.mergeOn);
      return;
    }
    const index = plan.index;
    if (!index) {
      yield* this.docs.values();
      return;
    }
    if (plan.idPoints) {
      for (const point of plan.idPoints) {
        const doc = this.docs.get(idKey(point));
        if (doc) yield doc;
      }
      return;
    }
    const seen = index.multikey || plan.intervals.length > 1 ? new Set<string>() : null;
    for (const entry of this.entries(plan, index)) {
      if (seen) {
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
      }
      const doc = this.docs.get(entry.id);
      if (doc) yield doc;
    }
  }

  /** Each branch's candidates once (by `_id`), merged in sort order or one branch after the other. */
  private *unionCandidates(branches: QueryPlan[], mergeOn: SortField[] | null): Generator<Doc> {
    const scans = branches.map((branch) => this.candidates(branch));
    const all = mergeOn ? mergeScans(scans, compareBySort(mergeOn)) : concat(scans);
    const seen = new Set<string>();
    for (const doc of all) {
      const id = idKey(doc._id);
      if (seen.has(id)) continue;
      seen.add(id);
      yield doc;
    }
  }

  private *entries(plan: QueryPlan, index: Index): Generator<Entry> {
    const from = plan.mergeFrom;
    if (from === undefined) {
      for (const interval of plan.intervals) yield* index.entries.scan(interval.low, interval.high, plan.reverse);
      return;
    }
    yield* mergeScans(
      plan.intervals.map((interval) => index.entries.scan(interval.low, interval.high, plan.reverse)),
      (a, b) => compareKeys(a.key, b.key, index.dirs, from) * (plan.reverse ? -1 : 1),
    );
  }
}

function* concat<T>(scans: Array<Iterator<T>>): Generator<T> {
  for (const scan of scans) {
    for (let next = scan.next(); !next.done; next = scan.next()) yield next.value;
  }
}

/**
 * `create` refuses validators the engine cannot enforce; one stored by an older engine that did not enforce them
 * (a `$jsonSchema`, say) must not stop the collection from loading, so it stays unenforced.
 */
function loadValidator(options: Doc): DocumentValidator | null {
  try {
    return DocumentValidator.fromOptions(options);
  } catch {
    return null;
  }
}
