import { bsonTypeOf } from '../query/bsonType';
import { RANK, typeRank } from '../query/compare';
import type { Doc } from '../types';
import { isOperatorObject, isPlainObject } from '../types';

export interface RangeEdge {
  value: unknown;
  inclusive: boolean;
}

/** What the filter says about one field that an index can serve; everything else is left to the matcher. */
export interface FieldPredicate {
  points?: unknown[];
  lower?: RangeEdge;
  upper?: RangeEdge;
}

const RANGE_RANKS = new Set<number>([RANK.number, RANK.string, RANK.date, RANK.objectId, RANK.timestamp, RANK.binary, RANK.boolean]);

function pointOk(value: unknown): boolean {
  if (value === null || value === undefined || Array.isArray(value) || value instanceof RegExp) return false;
  const tag = bsonTypeOf(value);
  if (tag === 'MinKey' || tag === 'MaxKey' || tag === 'BSONRegExp') return false;
  return !isOperatorObject(value);
}

const rangeOk = (value: unknown): boolean => RANGE_RANKS.has(typeRank(value));

function predicateFor(map: Map<string, FieldPredicate>, path: string): FieldPredicate {
  const existing = map.get(path);
  if (existing) return existing;
  const created: FieldPredicate = {};
  map.set(path, created);
  return created;
}

function setPoints(pred: FieldPredicate, points: unknown[]): void {
  if (!pred.points || points.length < pred.points.length) pred.points = points;
}

function addOperators(map: Map<string, FieldPredicate>, path: string, ops: Doc): void {
  for (const [op, arg] of Object.entries(ops)) {
    if (op === '$eq' && pointOk(arg)) setPoints(predicateFor(map, path), [arg]);
    else if (op === '$in' && Array.isArray(arg) && arg.every(pointOk)) setPoints(predicateFor(map, path), arg);
    else if ((op === '$gt' || op === '$gte') && rangeOk(arg)) predicateFor(map, path).lower ??= { value: arg, inclusive: op === '$gte' };
    else if ((op === '$lt' || op === '$lte') && rangeOk(arg)) predicateFor(map, path).upper ??= { value: arg, inclusive: op === '$lte' };
  }
}

function collect(map: Map<string, FieldPredicate>, filter: Doc): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collect(map, part);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isOperatorObject(value)) {
      addOperators(map, key, value);
      continue;
    }
    if (pointOk(value)) setPoints(predicateFor(map, key), [value]);
  }
}

/** Index-usable predicates of the top-level conjunction of a filter. */
export function extractPredicates(filter: Doc | undefined): Map<string, FieldPredicate> {
  const map = new Map<string, FieldPredicate>();
  if (filter) collect(map, filter);
  return map;
}
