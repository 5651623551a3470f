import { MongoCommandError } from '../errors';
import { compareBson } from '../query/compare';
import { valuesAtPath } from '../query/paths';
import type { Doc } from '../types';
import type { Key } from './keyCompare';

export interface IndexField {
  path: string;
  dir: 1 | -1;
}

const MAX_KEYS_PER_DOCUMENT = 10_000;

/** Parses a key pattern; special kinds (text, 2dsphere, hashed …) are kept in the catalog but not maintained. */
export function parseKeyPattern(key: Doc): { fields: IndexField[]; special: boolean } {
  const fields: IndexField[] = [];
  let special = false;
  for (const [path, value] of Object.entries(key)) {
    if (typeof value === 'string') {
      special = true;
      fields.push({ path, dir: 1 });
      continue;
    }
    const n = Number(value);
    if (!Number.isFinite(n) || n === 0) throw new MongoCommandError(67, `Values in the index key pattern can't be 0 or non-numeric: ${path}`);
    fields.push({ path, dir: n < 0 ? -1 : 1 });
  }
  if (fields.length === 0) throw new MongoCommandError(67, 'Index keys cannot be an empty object.');
  return { fields, special };
}

function distinctValues(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const sorted = [...values].sort(compareBson);
  return sorted.filter((v, i) => i === 0 || compareBson(v, sorted[i - 1]) !== 0);
}

export interface ExtractedKeys {
  keys: Key[];
  multikey: boolean;
  /** False when no indexed field exists on the document (sparse indexes skip it). */
  present: boolean;
}

/** All index keys of a document: the cartesian product of each field's values. */
export function extractKeys(doc: Doc, fields: readonly IndexField[]): ExtractedKeys {
  let keys: Key[] = [[]];
  let multikey = false;
  let present = false;
  let arrayField: IndexField | undefined;
  let arrayPath: string | undefined;
  for (const field of fields) {
    const at = valuesAtPath(doc, field.path);
    if (at.arrayPath !== undefined && arrayPath !== undefined && at.arrayPath !== arrayPath) {
      throw new MongoCommandError(171, `cannot index parallel arrays [${field.path}] [${(arrayField as IndexField).path}]`);
    }
    if (at.arrayPath !== undefined && arrayPath === undefined) {
      arrayPath = at.arrayPath;
      arrayField = field;
    }
    multikey ||= at.multikey;
    present ||= at.present;
    const values = distinctValues(at.values);
    if (values.length === 1) {
      for (const key of keys) key.push(values[0]);
      continue;
    }
    if (keys.length * values.length > MAX_KEYS_PER_DOCUMENT) {
      throw new MongoCommandError(171, `cannot index parallel arrays: too many index keys for one document`);
    }
    keys = keys.flatMap((key) => values.map((v) => [...key, v]));
  }
  return { keys, multikey, present };
}
