import { isPlainObject } from '../types';
import { EMPTY_ARRAY_KEY } from './bsonType';

export interface PathValues {
  values: unknown[];
  /** True when an array was traversed or expanded on the way (the index becomes multikey). */
  multikey: boolean;
  /** True when at least one value actually exists (sparse indexes skip documents where none does). */
  present: boolean;
  /** Where the first array on the path sits (two index fields with different ones are "parallel arrays"). */
  arrayPath?: string;
}

const isDigits = (s: string): boolean => s.length > 0 && s.length < 10 && /^\d+$/.test(s);

function collect(value: unknown, parts: string[], i: number, out: PathValues): void {
  if (i === parts.length) {
    if (value !== undefined) out.present = true;
    if (!Array.isArray(value)) {
      out.values.push(value === undefined ? null : value);
      return;
    }
    out.multikey = true;
    out.arrayPath ??= parts.join('.');
    if (value.length === 0) out.values.push(EMPTY_ARRAY_KEY);
    for (const item of value) out.values.push(item === undefined ? null : item);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    if (isDigits(part) && Number(part) < value.length) {
      collect(value[Number(part)], parts, i + 1, out);
      return;
    }
    out.multikey = true;
    out.arrayPath ??= parts.slice(0, i).join('.');
    if (value.length === 0) out.values.push(null);
    for (const item of value) collect(isPlainObject(item) ? item : undefined, parts, i, out);
    return;
  }
  if (isPlainObject(value)) {
    collect(value[part], parts, i + 1, out);
    return;
  }
  out.values.push(null);
}

/** Every value a dotted path reaches, mongod-style: arrays fan out, missing becomes null. */
export function valuesAtPath(doc: unknown, path: string): PathValues {
  const out: PathValues = { values: [], multikey: false, present: false };
  collect(doc, path.split('.'), 0, out);
  return out;
}

/** Sets a dotted path, creating plain objects on the way. */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: Record<string, unknown> = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next = target[part];
    if (isPlainObject(next)) {
      target = next;
      continue;
    }
    const created: Record<string, unknown> = {};
    target[part] = created;
    target = created;
  }
  target[parts[parts.length - 1] as string] = value;
}
