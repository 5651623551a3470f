import type { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';

import { isPlainObject } from '../types';
import { bsonTypeOf, EMPTY_ARRAY_KEY, TypeBound } from './bsonType';

export const RANK = {
  minKey: 1,
  emptyArray: 2,
  null: 3,
  number: 4,
  string: 5,
  object: 6,
  array: 7,
  binary: 8,
  objectId: 9,
  boolean: 10,
  date: 11,
  timestamp: 12,
  regex: 13,
  other: 14,
  maxKey: 20,
} as const;

const BSON_RANKS: Record<string, number> = {
  ObjectId: RANK.objectId,
  Long: RANK.number,
  Int32: RANK.number,
  Double: RANK.number,
  Decimal128: RANK.number,
  Binary: RANK.binary,
  Timestamp: RANK.timestamp,
  BSONRegExp: RANK.regex,
  BSONSymbol: RANK.string,
  MinKey: RANK.minKey,
  MaxKey: RANK.maxKey,
  DBRef: RANK.object,
};

/** mongod's canonical type order: MinKey < null < numbers < strings < objects < arrays < binData < ObjectId < bool < Date < Timestamp < regex < MaxKey. */
export function typeRank(value: unknown): number {
  if (value === null || value === undefined) return RANK.null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return RANK.number;
    case 'string':
      return RANK.string;
    case 'boolean':
      return RANK.boolean;
    case 'symbol':
      return value === EMPTY_ARRAY_KEY ? RANK.emptyArray : RANK.other;
    case 'object':
      break;
    default:
      return RANK.other;
  }
  if (value instanceof TypeBound) return value.rank;
  if (Array.isArray(value)) return RANK.array;
  if (value instanceof Date) return RANK.date;
  if (value instanceof RegExp) return RANK.regex;
  const tag = bsonTypeOf(value);
  if (tag === undefined) return isPlainObject(value) ? RANK.object : RANK.other;
  return BSON_RANKS[tag] ?? RANK.other;
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function numberOf(value: unknown): number | bigint {
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  const tag = bsonTypeOf(value);
  if (tag === 'Long') return (value as Long).toBigInt();
  if (tag === 'Decimal128') return Number((value as Decimal128).toString());
  return Number((value as { valueOf(): unknown }).valueOf());
}

function compareNumbers(a: unknown, b: unknown): number {
  const x = numberOf(a);
  const y = numberOf(b);
  if (typeof x === 'number' && typeof y === 'number') {
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
    if (Number.isNaN(y)) return 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  const big = typeof x === 'bigint' ? x : (y as bigint);
  const num = typeof x === 'number' ? x : (y as number);
  const flip = typeof x === 'bigint' ? -1 : 1;
  if (Number.isNaN(num)) return -flip;
  if (!Number.isFinite(num)) return num > 0 ? flip : -flip;
  const whole = BigInt(Math.trunc(num));
  if (whole !== big) return whole < big ? -flip : flip;
  const frac = num - Math.trunc(num);
  return frac === 0 ? 0 : frac > 0 ? flip : -flip;
}

/** Binary (code point) string order, as mongod compares strings without a collation. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    return (a.codePointAt(i) as number) < (b.codePointAt(i) as number) ? -1 : 1;
  }
  return sign(a.length - b.length);
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>, strings: StringOrder): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const fa = ka[i] as string;
    const fb = kb[i] as string;
    const byType = typeRank(a[fa]) - typeRank(b[fb]);
    if (byType !== 0) return sign(byType);
    const byName = compareStrings(fa, fb);
    if (byName !== 0) return byName;
    const byValue = compareBson(a[fa], b[fb], strings);
    if (byValue !== 0) return byValue;
  }
  return sign(ka.length - kb.length);
}

function compareArrays(a: unknown[], b: unknown[], strings: StringOrder): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareBson(a[i], b[i], strings);
    if (c !== 0) return c;
  }
  return sign(a.length - b.length);
}

/** Byte order of two ObjectIds; a JS loop beats Buffer.compare's native call for 12 bytes. */
function compareObjectIds(a: ObjectId, b: ObjectId): number {
  const x = a.id;
  const y = b.id;
  for (let i = 0; i < 12; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function compareBinary(a: Binary, b: Binary): number {
  if (a.position !== b.position) return sign(a.position - b.position);
  if (a.sub_type !== b.sub_type) return sign(a.sub_type - b.sub_type);
  return Buffer.compare(a.buffer.subarray(0, a.position), b.buffer.subarray(0, b.position));
}

function compareSameRank(rank: number, a: unknown, b: unknown, strings: StringOrder): number {
  switch (rank) {
    case RANK.null:
    case RANK.minKey:
    case RANK.maxKey:
    case RANK.emptyArray:
      return 0;
    case RANK.number:
      return compareNumbers(a, b);
    case RANK.string:
      return strings(String(a), String(b));
    case RANK.object:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>, strings);
    case RANK.array:
      return compareArrays(a as unknown[], b as unknown[], strings);
    case RANK.binary:
      return compareBinary(a as Binary, b as Binary);
    case RANK.objectId:
      return compareObjectIds(a as ObjectId, b as ObjectId);
    case RANK.boolean:
      return a === b ? 0 : a ? 1 : -1;
    case RANK.date:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case RANK.timestamp:
      return compareNumbers((a as Timestamp).toBigInt(), (b as Timestamp).toBigInt());
    case RANK.regex: {
      const ra = a as RegExp;
      const rb = b as RegExp;
      return compareStrings(ra.source, rb.source) || compareStrings(ra.flags, rb.flags);
    }
    default:
      return compareStrings(String(a), String(b));
  }
}

/** How two strings compare: code points by default, a collation's order when one applies. */
export type StringOrder = (a: string, b: string) => number;

/** Total order over BSON values, the one mongod uses for sorting and index keys (strings in `strings` order). */
export function compareBson(a: unknown, b: unknown, strings: StringOrder = compareStrings): number {
  if (a === b) return 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a instanceof TypeBound) return b instanceof TypeBound ? sign(a.side - b.side) : a.side;
  if (b instanceof TypeBound) return -b.side;
  return compareSameRank(ra, a, b, strings);
}
