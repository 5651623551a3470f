import type { Doc } from '../types';
import { isOperatorObject, isPlainObject } from '../types';
import { bsonTypeOf } from './bsonType';
import { compareBson, RANK, typeRank } from './compare';
import { valuesAtPath } from './paths';

type Test = (value: unknown) => boolean;
type Compare = (a: unknown, b: unknown) => number;
type FieldTest = (doc: Doc) => boolean;

const SCALAR_RANKS = new Set<number>([RANK.number, RANK.string, RANK.boolean, RANK.objectId, RANK.date]);

/** Values whose equality and ordering mingo and mongod agree on with plain BSON comparison. */
function isScalar(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (bsonTypeOf(value) === 'Decimal128') return false;
  return SCALAR_RANKS.has(typeRank(value));
}

function rangeTest(op: string, bound: unknown, compare: Compare): Test {
  const rank = typeRank(bound);
  const ok = (c: number): boolean => (op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0);
  return (value) => typeRank(value) === rank && ok(compare(value, bound));
}

interface OperatorTests {
  /** Each must be met by some value at the path. */
  some: Test[];
  /** None may be met by any value at the path (`$ne`, `$nin`). */
  none: Test[];
}

function operatorTests(ops: Doc, compare: Compare): OperatorTests | null {
  const tests: OperatorTests = { some: [], none: [] };
  for (const [op, arg] of Object.entries(ops)) {
    const list = Array.isArray(arg) && arg.every(isScalar) ? arg : null;
    if (op === '$eq' && isScalar(arg)) tests.some.push((v) => compare(v, arg) === 0);
    else if (op === '$ne' && isScalar(arg)) tests.none.push((v) => compare(v, arg) === 0);
    else if (op === '$in' && list) tests.some.push((v) => list.some((a) => compare(v, a) === 0));
    else if (op === '$nin' && list) tests.none.push((v) => list.some((a) => compare(v, a) === 0));
    else if ((op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') && isScalar(arg)) tests.some.push(rangeTest(op, arg, compare));
    else return null;
  }
  return tests;
}

/** Every test must be met by some value at the path (mongod's implicit "any element" for arrays). */
function fieldTest(path: string, tests: Test[]): FieldTest {
  if (!path.includes('.')) {
    return (doc) => {
      const value = doc[path];
      if (Array.isArray(value)) return tests.every((test) => value.some(test));
      const v = value === undefined ? null : value;
      return tests.every((test) => test(v));
    };
  }
  return (doc) => {
    const { values } = valuesAtPath(doc, path);
    return tests.every((test) => values.some(test));
  };
}

/**
 * A matcher for the filters services send most (equality, $in and ranges on scalar values, ANDed),
 * compiled without mingo; anything else returns null and goes to mingo.
 */
export function compileFastFilter(filter: Doc, compare: Compare = compareBson): ((doc: Doc) => boolean) | null {
  const fields: FieldTest[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$or' || key === '$and') {
      const parts = logicalParts(value, compare);
      if (!parts) return null;
      fields.push(key === '$or' ? (doc) => parts.some((part) => part(doc)) : (doc) => parts.every((part) => part(doc)));
      continue;
    }
    if (key.startsWith('$')) return null;
    if (isOperatorObject(value)) {
      const tests = operatorTests(value, compare);
      if (!tests) return null;
      if (tests.some.length > 0) fields.push(fieldTest(key, tests.some));
      for (const test of tests.none) {
        const present = fieldTest(key, [test]);
        fields.push((doc) => !present(doc));
      }
      continue;
    }
    if (isPlainObject(value) || !isScalar(value)) return null;
    fields.push(fieldTest(key, [(v) => compare(v, value) === 0]));
  }
  return (doc) => fields.every((test) => test(doc));
}

function logicalParts(value: unknown, compare: Compare): FieldTest[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const parts: FieldTest[] = [];
  for (const part of value) {
    const compiled = isPlainObject(part) ? compileFastFilter(part, compare) : null;
    if (!compiled) return null;
    parts.push(compiled);
  }
  return parts;
}
