import type { Doc } from '../types';
import { isOperatorObject, isPlainObject } from '../types';
import { cloneValue } from './clone';
import { setPath } from './paths';

function seedInto(out: Doc, filter: Doc): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) seedInto(out, part);
      continue;
    }
    if (key.startsWith('$') || value instanceof RegExp) continue;
    if (isOperatorObject(value)) {
      if ('$eq' in value && !isOperatorObject(value.$eq)) setPath(out, key, cloneValue(value.$eq));
      continue;
    }
    setPath(out, key, cloneValue(value));
  }
}

/** The document an upsert starts from: the equality fields of its filter. */
export function upsertSeed(filter: Doc | undefined): Doc {
  const out: Doc = {};
  if (filter) seedInto(out, filter);
  return out;
}
