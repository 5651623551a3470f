import type { Long, ObjectId } from 'bson';
import { EJSON } from 'bson';

import { bsonTypeOf } from '../query/bsonType';

/** A string naming an `_id` so that values mongod treats as equal (1, 1.0, NumberLong(1)) share one key. */
export function idKey(id: unknown): string {
  switch (typeof id) {
    case 'string':
      return `s${id}`;
    case 'number':
      return `n${Object.is(id, -0) ? 0 : id}`;
    case 'boolean':
      return `b${String(id)}`;
    case 'undefined':
      return 'z';
    default:
      break;
  }
  if (id === null) return 'z';
  if (id instanceof Date) return `d${id.getTime()}`;
  const tag = bsonTypeOf(id);
  if (tag === 'ObjectId') return `o${(id as ObjectId).toHexString()}`;
  if (tag === 'Long') return `n${(id as Long).toString()}`;
  return `x${EJSON.stringify(id, { relaxed: false })}`;
}
