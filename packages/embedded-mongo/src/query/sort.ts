import { badValue } from '../errors';
import type { Doc } from '../types';
import { compareBson } from './compare';
import { valuesAtPath } from './paths';

type Compare = (a: unknown, b: unknown) => number;

export interface SortField {
  path: string;
  dir: 1 | -1;
}

export function parseSort(spec: unknown): SortField[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec !== 'object' || Array.isArray(spec)) throw badValue('sort must be an object');
  const fields: SortField[] = [];
  for (const [path, dir] of Object.entries(spec as Doc)) {
    if (typeof dir === 'object' && dir !== null) throw badValue(`unsupported sort value for ${path} ($meta sorts are not supported)`);
    const n = Number(dir);
    if (n !== 1 && n !== -1) throw badValue('$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    fields.push({ path, dir: n });
  }
  return fields;
}

/** The value a document sorts by on one field: the smallest element ascending, the largest descending. */
export function sortKeyOf(doc: Doc, field: SortField, compare: Compare = compareBson): unknown {
  const { values } = valuesAtPath(doc, field.path);
  let best: unknown = values[0] ?? null;
  for (let i = 1; i < values.length; i++) {
    const c = compare(values[i], best);
    if ((field.dir === 1 && c < 0) || (field.dir === -1 && c > 0)) best = values[i];
  }
  return best;
}

/** Orders two documents as a sort on `fields` would. */
export function compareBySort(fields: SortField[], compare: Compare = compareBson): (a: Doc, b: Doc) => number {
  return (a, b) => {
    for (const field of fields) {
      const c = compare(sortKeyOf(a, field, compare), sortKeyOf(b, field, compare));
      if (c !== 0) return c * field.dir;
    }
    return 0;
  };
}

export function sortDocuments(docs: Doc[], fields: SortField[], compare: Compare = compareBson): Doc[] {
  if (fields.length === 0 || docs.length < 2) return docs;
  if (fields[0]?.path === '$natural') return fields[0].dir === -1 ? docs.slice().reverse() : docs;
  const keyed = docs.map((doc) => ({ doc, keys: fields.map((f) => sortKeyOf(doc, f, compare)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compare(a.keys[i], b.keys[i]);
      if (c !== 0) return c * (fields[i] as SortField).dir;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}
