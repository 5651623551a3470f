import type { Doc } from '../types';
import { isOperatorObject, isPlainObject } from '../types';
import { bsonTypeOf } from './bsonType';
import { compareBson, RANK, typeRank } from './compare';
import { valuesAtPath } from './paths';

type Test = (value: unknown) => boolean;
type FieldTest = (doc: Doc) => boolean;

const SCALAR_RANKS = new Set<number>([RANK.number, RANK.string, RANK.boolean, RANK.objectId, RANK.date]);

/** Values whose equality and ordering mingo and mongod agree on with plain BSON comparison. */
function isScalar(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (bsonTypeOf(value) === 'Decimal128') return false;
  return SCALAR_RANKS.has(typeRank(value));
}

function rangeTest(op: string, bound: unknown): Test {
  const rank = typeRank(bound);
  const ok = (c: number): boolean => (op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0);
  return (value) => typeRank(value) === rank && ok(compareBson(value, bound));
}

function operatorTests(ops: Doc): Test[] | null {
  const tests: Test[] = [];
  for (const [op, arg] of Object.entries(ops)) {
    if (op === '$eq' && isScalar(arg)) tests.push((v) => compareBson(v, arg) === 0);
    else if (op === '$in' && Array.isArray(arg) && arg.every(isScalar)) tests.push((v) => arg.some((a) => compareBson(v, a) === 0));
    else if ((op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') && isScalar(arg)) tests.push(rangeTest(op, arg));
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
export function compileFastFilter(filter: Doc): ((doc: Doc) => boolean) | null {
  const fields: FieldTest[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$or' || key === '$and') {
      const parts = logicalParts(value);
      if (!parts) return null;
      fields.push(key === '$or' ? (doc) => parts.some((part) => part(doc)) : (doc) => parts.every((part) => part(doc)));
      continue;
    }
    if (key.startsWith('$')) return null;
    if (isOperatorObject(value)) {
      const tests = operatorTests(value);
      if (!tests) return null;
      fields.push(fieldTest(key, tests));
      continue;
    }
    if (isPlainObject(value) || !isScalar(value)) return null;
    fields.push(fieldTest(key, [(v) => compareBson(v, value) === 0]));
  }
  return (doc) => fields.every((test) => test(doc));
}

function logicalParts(value: unknown): FieldTest[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const parts: FieldTest[] = [];
  for (const part of value) {
    const compiled = isPlainObject(part) ? compileFastFilter(part) : null;
    if (!compiled) return null;
    parts.push(compiled);
  }
  return parts;
}
