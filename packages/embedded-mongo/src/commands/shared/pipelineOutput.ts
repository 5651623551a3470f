import { MongoCommandError } from '../../errors';
import { duplicateKeyError } from '../../indexes/dupKey';
import type { Index } from '../../indexes/index';
import type { IndexField } from '../../indexes/indexKeys';
import { compareBson } from '../../query/compare';
import type { Catalog } from '../../storage/catalog';
import type { Collection } from '../../storage/collection';
import type { Doc } from '../../types';
import { isPlainObject } from '../../types';
import { selectDocuments } from './read';
import { deleteDocument, insertDocument, replaceDocument } from './writes';

function target(db: string, spec: unknown, stage: string): { db: string; coll: string } {
  if (typeof spec === 'string') return { db, coll: spec };
  if (isPlainObject(spec) && typeof spec.coll === 'string') return { db: typeof spec.db === 'string' ? spec.db : db, coll: spec.coll };
  throw new MongoCommandError(16990, `${stage} only supports a string or { db, coll } argument`);
}

/** `$out`: replaces the target collection's documents (its indexes stay). */
export function writeOut(catalog: Catalog, db: string, spec: unknown, docs: Doc[]): void {
  const to = target(db, spec, '$out');
  const seen = new Set<string>();
  for (const doc of docs) {
    const key = JSON.stringify(doc._id ?? null);
    if (seen.has(key)) throw new MongoCommandError(11000, `E11000 duplicate key error collection: ${to.db}.${to.coll} index: _id_ dup key: { _id: ${key} }`);
    seen.add(key);
  }
  const collection = catalog.ensureCollection(to.db, to.coll);
  for (const doc of docs) collection.validator?.check(doc, undefined);
  for (const old of [...collection.docs.values()]) deleteDocument(catalog, collection, old);
  for (const doc of docs) insertDocument(catalog, collection, doc);
}

/** mongod's DuplicateKey for `whenMatched: "fail"`: the unique index on the `on` fields and the existing key. */
function mergeDuplicate(collection: Collection, on: string[], existing: Doc): MongoCommandError {
  const sameFields = (index: Index): boolean => index.fields.length === on.length && index.fields.every((f) => on.includes(f.path));
  const index = [...collection.indexes.values()].find((candidate) => candidate.unique && sameFields(candidate));
  const name = index?.name ?? on.map((field) => `${field}_1`).join('_');
  const keyPattern = index?.spec.key ?? Object.fromEntries(on.map((field) => [field, 1]));
  const fields = index?.fields ?? on.map((path): IndexField => ({ path, dir: 1 }));
  return duplicateKeyError(collection.ns, name, keyPattern, fields, fields.map((f) => existing[f.path] ?? null));
}

function mergeOne(catalog: Catalog, collection: Collection, doc: Doc, on: string[], whenMatched: unknown, whenNotMatched: unknown): void {
  const filter: Doc = {};
  for (const field of on) filter[field] = doc[field] ?? null;
  const existing = selectDocuments(collection, { filter, limit: 1 })[0];
  if (!existing) {
    if (whenNotMatched === 'discard') return;
    if (whenNotMatched === 'fail') throw new MongoCommandError(13113, '$merge could not find a matching document in the target collection');
    insertDocument(catalog, collection, doc);
    return;
  }
  if (whenMatched === 'keepExisting') return;
  if (whenMatched === 'fail') throw mergeDuplicate(collection, on, existing);
  const base = whenMatched === 'replace' ? { _id: existing._id } : { ...existing };
  const merged: Doc = { ...base };
  for (const [key, value] of Object.entries(doc)) if (key !== '_id') merged[key] = value;
  if (compareBson(merged, existing) !== 0) replaceDocument(catalog, collection, merged);
}

/** `$merge` with `on`, `whenMatched` (merge / replace / keepExisting / fail) and `whenNotMatched`. */
export function writeMerge(catalog: Catalog, db: string, spec: unknown, docs: Doc[]): void {
  const args: Doc = typeof spec === 'string' ? { into: spec } : isPlainObject(spec) ? spec : {};
  const to = target(db, args.into, '$merge');
  const on = args.on === undefined ? ['_id'] : Array.isArray(args.on) ? (args.on as string[]) : [String(args.on)];
  const whenMatched = args.whenMatched ?? 'merge';
  if (typeof whenMatched !== 'string') throw new MongoCommandError(51187, '$merge with a pipeline in whenMatched is not supported');
  const collection = catalog.ensureCollection(to.db, to.coll);
  for (const doc of docs) mergeOne(catalog, collection, doc, on, whenMatched, args.whenNotMatched ?? 'insert');
}
