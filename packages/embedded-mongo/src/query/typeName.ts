import { bsonTypeOf } from './bsonType';
import { formatValue } from '../indexes/dupKey';

/** mongod's name for a value's BSON type, as used in error messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  const tag = bsonTypeOf(value);
  if (tag === 'ObjectId') return 'objectId';
  if (tag === 'Long') return 'long';
  if (tag === 'Decimal128') return 'decimal';
  if (tag === 'Binary') return 'binData';
  if (tag !== undefined) return tag.toLowerCase();
  return 'object';
}

export function formatValueShort(value: unknown): string {
  const text = formatValue(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
