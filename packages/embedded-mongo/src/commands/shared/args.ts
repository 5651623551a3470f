import { MongoCommandError, typeMismatch } from '../../errors';
import { bsonTypeOf } from '../../query/bsonType';
import { checkCollectionName } from '../../storage/catalog';
import type { Doc } from '../../types';
import { isPlainObject } from '../../types';

export function collectionArg(cmd: Doc, name: string, db: string): string {
  const value = cmd[name];
  if (typeof value !== 'string') {
    throw new MongoCommandError(73, `collection name has invalid type ${Array.isArray(value) ? 'array' : typeof value}`);
  }
  return checkCollectionName(db, value);
}

export function docArg(cmd: Doc, field: string): Doc | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw typeMismatch(`BSON field '${field}' is the wrong type '${Array.isArray(value) ? 'array' : typeof value}', expected type 'object'`);
  return value;
}

export function arrayArg(cmd: Doc, field: string): unknown[] {
  const value = cmd[field];
  if (!Array.isArray(value)) throw typeMismatch(`BSON field '${field}' is missing or is not an array`);
  return value;
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (bsonTypeOf(value) === 'Long' || bsonTypeOf(value) === 'Int32' || bsonTypeOf(value) === 'Double') {
    return Number((value as { valueOf(): unknown }).valueOf() as number);
  }
  return undefined;
}

export function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (bsonTypeOf(value) === 'Long') return (value as { toBigInt(): bigint }).toBigInt();
  return undefined;
}

export function intArg(cmd: Doc, field: string): number | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  const n = toNumber(value);
  if (n === undefined || !Number.isFinite(n)) throw typeMismatch(`BSON field '${field}' is the wrong type, expected a number`);
  return Math.trunc(n);
}

export function nonNegativeArg(cmd: Doc, field: string): number | undefined {
  const n = intArg(cmd, field);
  if (n !== undefined && n < 0) throw new MongoCommandError(51024, `BSON field '${field}' value must be >= 0, actual value '${n}'`);
  return n;
}
