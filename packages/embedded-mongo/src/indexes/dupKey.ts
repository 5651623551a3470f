import type { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';

import { MongoCommandError } from '../errors';
import { bsonTypeOf, EMPTY_ARRAY_KEY } from '../query/bsonType';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { IndexField } from './indexKeys';
import type { Key } from './keyCompare';

/** Renders a value the way mongod prints it inside `dup key: { … }`. */
export function formatValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined || value === EMPTY_ARRAY_KEY) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(formatValue).join(', ')} ]`;
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }
  switch (bsonTypeOf(value)) {
    case 'ObjectId':
      return `ObjectId('${(value as ObjectId).toHexString()}')`;
    case 'Long':
      return (value as Long).toString();
    case 'Decimal128':
      return `NumberDecimal("${(value as Decimal128).toString()}")`;
    case 'Timestamp':
      return `Timestamp(${(value as Timestamp).t}, ${(value as Timestamp).i})`;
    case 'Binary': {
      const bin = value as Binary;
      if (bin.sub_type === 4) return `UUID("${bin.toUUID().toHexString(true)}")`;
      return `BinData(${bin.sub_type}, ${Buffer.from(bin.buffer.subarray(0, bin.position)).toString('hex').toUpperCase()})`;
    }
    default:
      return String(value);
  }
}

/** mongod's duplicate-key error: code 11000 with `keyPattern` and `keyValue`. */
export function duplicateKeyError(ns: string, indexName: string, keyPattern: Doc, fields: readonly IndexField[], key: Key): MongoCommandError {
  const keyValue: Doc = {};
  const parts: string[] = [];
  fields.forEach((field, i) => {
    const raw = key[i];
    const value = raw === EMPTY_ARRAY_KEY ? undefined : raw;
    keyValue[field.path] = value === undefined ? null : value;
    parts.push(`${field.path}: ${formatValue(raw)}`);
  });
  const message = `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${parts.join(', ')} }`;
  return new MongoCommandError(11000, message, { keyPattern, keyValue });
}
