import { TypeBound } from '../query/bsonType';
import { compareBson, typeRank } from '../query/compare';
import type { SortField } from '../query/sort';
import type { Doc } from '../types';
import { isOperatorObject, isPlainObject } from '../types';
import type { Index } from './index';
import type { Key } from './keyCompare';
import { compareKeys, HIGH, LOW } from './keyCompare';
import type { FieldPredicate, RangeEdge } from './predicates';
import { extractPredicates } from './predicates';
import type { Bound } from './sortedEntries';
import { estimateEntries } from './estimate';

export interface Interval {
  low: Bound;
  high: Bound;
}

export interface QueryPlan {
  index: Index | null;
  intervals: Interval[];
  reverse: boolean;
  /** True when candidates come out already in the requested sort order. */
  servesSort: boolean;
  /** Direct `_id` lookups, already in scan order. */
  idPoints: unknown[] | null;
  /** Merge the intervals' entries on key components from here on (a sorted `$in`), instead of concatenating them. */
  mergeFrom?: number;
  /** An index union for a `$or` (then `index` is null): one plan per branch, merged on `mergeOn` when set. */
  union?: { branches: QueryPlan[]; mergeOn: SortField[] | null };
}

interface Constraint {
  points?: unknown[];
  range?: { lo: RangeEdge; hi: RangeEdge };
}

const MAX_INTERVALS = 5000;
export const COLLSCAN: QueryPlan = { index: null, intervals: [], reverse: false, servesSort: false, idPoints: null };

function distinctSorted(values: unknown[]): unknown[] {
  const sorted = [...values].sort(compareBson);
  return sorted.filter((v, i) => i === 0 || compareBson(v, sorted[i - 1]) !== 0);
}

/** On a multikey field "> a and < b" may be met by two different elements, so only one edge bounds the scan. */
function makeRange(pred: FieldPredicate, multikey: boolean): Constraint['range'] | null {
  const lower = pred.lower;
  const upper = multikey && lower ? undefined : pred.upper;
  const rank = typeRank(lower?.value ?? upper?.value);
  if (lower && upper && typeRank(upper.value) !== rank) return null;
  return {
    lo: lower ?? { value: new TypeBound(rank, -1), inclusive: true },
    hi: upper ?? { value: new TypeBound(rank, 1), inclusive: true },
  };
}

function constraintsFor(index: Index, preds: Map<string, FieldPredicate>): Constraint[] {
  const out: Constraint[] = [];
  let combos = 1;
  for (const field of index.fields) {
    const pred = preds.get(field.path);
    if (!pred) break;
    if (pred.points) {
      const points = distinctSorted(pred.points);
      if (combos * Math.max(points.length, 1) > MAX_INTERVALS) break;
      combos *= Math.max(points.length, 1);
      out.push({ points });
      continue;
    }
    if (!pred.lower && !pred.upper) break;
    const range = makeRange(pred, index.multikey);
    if (range) out.push({ range });
    break;
  }
  return out;
}

interface SortService {
  serves: boolean;
  reverse: boolean;
  /** Set when several point intervals must be merged on the key components from this position on. */
  mergeFrom?: number;
}

const NOT_SERVED: SortService = { serves: false, reverse: false };

function sortService(index: Index, constraints: Constraint[], sort: SortField[]): SortService {
  const eqPaths = new Set<string>();
  const pointPaths = new Set<string>();
  let lead = 0;
  while (lead < constraints.length && constraints[lead]?.points) {
    const path = (index.fields[lead] as { path: string }).path;
    pointPaths.add(path);
    if (constraints[lead]?.points?.length === 1) eqPaths.add(path);
    lead += 1;
  }
  const remaining = sort.filter((s) => !eqPaths.has(s.path));
  if (remaining.length === 0) return { serves: true, reverse: false };
  if (remaining.some((s) => pointPaths.has(s.path))) return NOT_SERVED;
  let direction = 0;
  for (let j = 0; j < remaining.length; j++) {
    const field = index.fields[lead + j];
    const wanted = remaining[j] as SortField;
    if (!field || field.path !== wanted.path) return NOT_SERVED;
    const d = field.dir * wanted.dir;
    if (direction !== 0 && d !== direction) return NOT_SERVED;
    direction = d;
  }
  const merge = constraints.slice(0, lead).some((c) => (c.points?.length ?? 0) > 1);
  return { serves: true, reverse: direction === -1, ...(merge ? { mergeFrom: lead } : {}) };
}

function impliesPartial(pfe: Doc, filter: Doc, preds: Map<string, FieldPredicate>): boolean {
  return Object.entries(pfe).every(([key, expected]) => {
    if (key === '$and' && Array.isArray(expected)) return expected.every((p) => isPlainObject(p) && impliesPartial(p, filter, preds));
    if (key.startsWith('$')) return false;
    const pred = preds.get(key);
    let value: unknown = expected;
    if (isOperatorObject(expected)) {
      const ops = Object.keys(expected);
      if (ops.length === 1 && ops[0] === '$exists' && expected.$exists === true) return pred !== undefined;
      if (ops.length !== 1 || ops[0] !== '$eq') return compareBson(filter[key], expected) === 0;
      value = expected.$eq;
    }
    return pred?.points?.length === 1 && compareBson(pred.points[0], value) === 0;
  });
}

function buildIntervals(index: Index, constraints: Constraint[]): Interval[] {
  const n = index.fields.length;
  let prefixes: Key[] = [[]];
  let range: Constraint['range'] | undefined;
  for (const c of constraints) {
    if (c.points) prefixes = prefixes.flatMap((p) => (c.points as unknown[]).map((v) => [...p, v]));
    else range = c.range;
  }
  const rangeDir = index.fields[constraints.length - 1]?.dir ?? 1;
  const intervals = prefixes.map((prefix): Interval => {
    const low: Key = [...prefix];
    const high: Key = [...prefix];
    let lowIncl = true;
    let highIncl = true;
    if (range) {
      const [first, last] = rangeDir === 1 ? [range.lo, range.hi] : [range.hi, range.lo];
      low.push(first.value);
      high.push(last.value);
      lowIncl = first.inclusive;
      highIncl = last.inclusive;
    }
    while (low.length < n) low.push(lowIncl ? LOW : HIGH);
    while (high.length < n) high.push(highIncl ? HIGH : LOW);
    return { low: { key: low, tie: lowIncl ? 1 : -1 }, high: { key: high, tie: highIncl ? -1 : 1 } };
  });
  return intervals.sort((a, b) => compareKeys(a.low.key, b.low.key, index.dirs));
}

export interface Candidate {
  plan: QueryPlan;
  score: number;
  /** Index entries the scan is expected to visit (counted on the index itself). */
  cost: number;
  /** How many leading index fields the filter constrains. */
  constrained: number;
}

/** A sort the index does not serve costs about this much more per candidate. */
export const SORT_PENALTY = 1.2;

function evaluate(index: Index, filter: Doc, preds: Map<string, FieldPredicate>, sort: SortField[], forced: boolean): Candidate | null {
  if (index.special || index.collation) return null;
  const partial = index.spec.partialFilterExpression;
  if (partial && !forced && !impliesPartial(partial, filter, preds)) return null;
  const constraints = constraintsFor(index, preds);
  const service = sortService(index, constraints, sort);
  const usefulForSort = service.serves && sort.length > 0;
  if (constraints.length === 0 && !forced && (!usefulForSort || index.sparse || partial)) return null;
  const eq = constraints.filter((c) => c.points?.length === 1).length;
  const multi = constraints.some((c) => c.points && c.points.length !== 1);
  const hasRange = constraints.some((c) => c.range);
  const fullyPointed = index.unique && eq === index.fields.length;
  const score = eq * 100 + (multi ? 60 : 0) + (hasRange ? 50 : 0) + (usefulForSort ? 25 : 0) + (fullyPointed ? 1000 : 0) - index.fields.length;
  const intervals = buildIntervals(index, constraints);
  const reverse = service.serves && service.reverse;
  if (reverse) intervals.reverse();
  const points = index.isId ? constraints[0]?.points : undefined;
  const idPoints = points ? (reverse ? [...points].reverse() : points) : null;
  const mergeFrom = intervals.length > 1 ? service.mergeFrom : undefined;
  const entries = estimateEntries(index, intervals, idPoints);
  const cost = sort.length > 0 && !service.serves ? entries * SORT_PENALTY : entries;
  return { plan: { index, intervals, reverse, servesSort: service.serves, idPoints, mergeFrom }, score, cost, constrained: constraints.length };
}

const better = (a: Candidate, b: Candidate | null): boolean => !b || a.cost < b.cost || (a.cost === b.cost && a.score > b.score);

/** The cheapest single-index plan for a filter (among those `accept` allows), or null when no index helps. */
export function bestIndexPlan(indexes: Iterable<Index>, filter: Doc, sort: SortField[], accept?: (c: Candidate) => boolean): Candidate | null {
  const preds = extractPredicates(filter);
  let best: Candidate | null = null;
  for (const index of indexes) {
    const candidate = evaluate(index, filter, preds, sort, false);
    if (candidate && better(candidate, best) && (!accept || accept(candidate))) best = candidate;
  }
  return best;
}

/** The plan for a hinted index, whatever it costs (a collection scan when it cannot serve the query at all). */
export function hintedPlan(hint: Index, filter: Doc, sort: SortField[]): QueryPlan {
  return evaluate(hint, filter, extractPredicates(filter), sort, true)?.plan ?? COLLSCAN;
}
