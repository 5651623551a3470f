import { MongoCommandError } from '../errors';
import { bsonTypeOf } from './bsonType';

const ALIASES: Record<string, number> = {
  double: 1, string: 2, object: 3, array: 4, binData: 5, undefined: 6, objectId: 7, bool: 8, date: 9, null: 10,
  regex: 11, dbPointer: 12, javascript: 13, symbol: 14, javascriptWithScope: 15, int: 16, timestamp: 17, long: 18,
  decimal: 19, minKey: -1, maxKey: 127,
};
const NUMBER_CODES = [1, 16, 18, 19];
const VALID_CODES = new Set(Object.values(ALIASES));

function codeOf(spec: unknown): number[] {
  if (spec === 'number') return NUMBER_CODES;
  if (typeof spec === 'string' && spec in ALIASES) return [ALIASES[spec] as number];
  if (typeof spec === 'number' && VALID_CODES.has(spec)) return [spec];
  throw new MongoCommandError(2, `Unknown type name alias: ${String(spec)}`);
}

/** The BSON type codes a `$type` argument names (an alias, a code, or an array of them). */
export function parseTypeSpec(spec: unknown): Set<number> {
  const list = Array.isArray(spec) ? spec : [spec];
  return new Set(list.flatMap(codeOf));
}

const BSON_CODES: Record<string, number> = {
  ObjectId: 7, Long: 18, Int32: 16, Double: 1, Decimal128: 19, Binary: 5, Timestamp: 17, BSONRegExp: 11,
  BSONSymbol: 14, Code: 13, MinKey: -1, MaxKey: 127, DBRef: 3,
};

/** The BSON type code a stored value serialises as. */
export function typeCode(value: unknown): number {
  if (value === null) return 10;
  if (value === undefined) return 6;
  switch (typeof value) {
    case 'string':
      return 2;
    case 'boolean':
      return 8;
    case 'number':
      return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647 ? 16 : 1;
    case 'bigint':
      return 18;
    default:
      break;
  }
  if (Array.isArray(value)) return 4;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  const tag = bsonTypeOf(value);
  return tag === undefined ? 3 : (BSON_CODES[tag] ?? 3);
}

export const matchesType = (value: unknown, wanted: Set<number>): boolean => wanted.has(typeCode(value));
