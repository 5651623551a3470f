import { MongoCommandError } from '../../errors';
import type { Index } from '../../indexes/index';
import type { QueryPlan } from '../../indexes/planner';
import { COLLSCAN } from '../../indexes/planner';
import type { Collation } from '../../query/collation';
import { parseCollation } from '../../query/collation';
import { compareBson } from '../../query/compare';
import { compileFilter } from '../../query/mingo';
import type { SortField } from '../../query/sort';
import { sortDocuments } from '../../query/sort';
import type { Collection } from '../../storage/collection';
import type { Doc } from '../../types';
import { isPlainObject } from '../../types';

export interface ReadSpec {
  filter?: Doc;
  sort?: SortField[];
  skip?: number;
  /** 0 or undefined: no limit. */
  limit?: number;
  hint?: unknown;
  /** `let` variables for `$expr`. */
  variables?: Doc;
  /** Strings compare in this collation's order; collated reads scan the collection (indexes hold binary order). */
  collation?: Collation | null;
}

/** A command's `collation` when it gives one (`simple` included), else the collection's default. */
export function collationFor(collection: Collection | undefined, raw: unknown): Collation | null {
  if (raw !== undefined && raw !== null) return parseCollation(raw);
  return collection?.collation ?? null;
}

export function planRead(collection: Collection, spec: ReadSpec): QueryPlan {
  if (spec.collation) return COLLSCAN;
  return collection.plan(spec.filter, spec.sort ?? [], resolveHint(collection, spec.hint));
}

export function resolveHint(collection: Collection, hint: unknown): Index | undefined {
  if (hint === undefined || hint === null) return undefined;
  if (typeof hint === 'string') {
    const index = collection.indexes.get(hint);
    if (index) return index;
  } else if (isPlainObject(hint)) {
    if (Object.keys(hint).length === 0 || '$natural' in hint) return undefined;
    for (const index of collection.indexes.values()) if (compareBson(index.spec.key, hint) === 0) return index;
  }
  throw new MongoCommandError(2, 'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index');
}

/** The documents a read selects, in order, after skip and limit: planner candidates, filtered, sorted. */
export function selectDocuments(collection: Collection, spec: ReadSpec): Doc[] {
  const matches = compileFilter(spec.filter, spec.variables, spec.collation);
  const sort = spec.sort ?? [];
  const skip = spec.skip ?? 0;
  const limit = spec.limit ?? 0;
  const plan = planRead(collection, spec);
  const sortInMemory = sort.length > 0 && !plan.servesSort;
  const needed = limit > 0 && !sortInMemory ? skip + limit : Infinity;
  const out: Doc[] = [];
  for (const doc of collection.candidates(plan)) {
    if (!matches(doc)) continue;
    out.push(doc);
    if (out.length >= needed) break;
  }
  const ordered = sortInMemory ? sortDocuments(out, sort, spec.collation?.compare) : out;
  if (skip === 0 && (limit === 0 || ordered.length <= limit)) return ordered;
  return ordered.slice(skip, limit > 0 ? skip + limit : undefined);
}
