import { BSON, ObjectId } from 'bson';

import { MongoCommandError } from '../../errors';
import { applyUpdate, isOperatorUpdate, isPipelineUpdate, withIdFirst } from '../../query/update';
import { upsertSeed } from '../../query/upsertSeed';
import type { Collation } from '../../query/collation';
import type { SortField } from '../../query/sort';
import type { Catalog } from '../../storage/catalog';
import type { Collection } from '../../storage/collection';
import type { Doc } from '../../types';
import { isPlainObject } from '../../types';
import { MAX_BSON_OBJECT_BYTES } from '../../wire/constants';
import { selectDocuments } from './read';

function checkSize(doc: Doc): void {
  const size = BSON.calculateObjectSize(doc, { ignoreUndefined: false });
  if (size > MAX_BSON_OBJECT_BYTES) {
    throw new MongoCommandError(10334, `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_BYTES}`);
  }
}

function checkId(doc: Doc): void {
  const id = doc._id;
  if (Array.isArray(id)) throw new MongoCommandError(53, "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw new MongoCommandError(53, "The '_id' value cannot be of type regex");
  if (id === undefined) throw new MongoCommandError(53, "The '_id' value cannot be undefined");
  const dollar = dollarPrefixedKey(id);
  if (dollar) throw new MongoCommandError(53, `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`);
}

/** The first `$`-prefixed field name inside an `_id` document (mongod still refuses them there). */
function dollarPrefixedKey(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = dollarPrefixedKey(item);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [key, nested] of Object.entries(value)) {
    if (key.startsWith('$')) return key;
    const found = dollarPrefixedKey(nested);
    if (found) return found;
  }
  return null;
}

export interface WriteOptions {
  /** `bypassDocumentValidation: true`: the collection's validator is not applied. */
  bypassValidation?: boolean;
}

/** check → record → apply for one new document; returns the stored document. */
export function insertDocument(catalog: Catalog, collection: Collection, input: unknown, options: WriteOptions = {}): Doc {
  if (!isPlainObject(input)) throw new MongoCommandError(2, 'document to insert must be an object');
  const doc = withIdFirst('_id' in input ? input : { _id: new ObjectId(), ...input });
  checkId(doc);
  checkSize(doc);
  collection.checkNewId(doc);
  if (!options.bypassValidation) collection.validator?.check(doc, undefined);
  collection.checkUnique(doc);
  catalog.commit({ op: 'put', db: collection.db, coll: collection.name, doc });
  return doc;
}

export function replaceDocument(catalog: Catalog, collection: Collection, doc: Doc, previous?: Doc, options: WriteOptions = {}): void {
  checkSize(doc);
  if (!options.bypassValidation) collection.validator?.check(doc, previous);
  collection.checkUnique(doc);
  catalog.commit({ op: 'put', db: collection.db, coll: collection.name, doc });
}

export function deleteDocument(catalog: Catalog, collection: Collection, doc: Doc): void {
  catalog.commit({ op: 'delete', db: collection.db, coll: collection.name, id: doc._id });
}

export interface UpdateRequest {
  filter: Doc;
  update: unknown;
  upsert: boolean;
  multi: boolean;
  arrayFilters?: Doc[];
  sort?: SortField[];
  hint?: unknown;
  /** `let` variables for `$expr` and pipeline updates. */
  variables?: Doc;
  collation?: Collation | null;
  bypassValidation?: boolean;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  /** For single-document updates: the document before and after. */
  before?: Doc;
  after?: Doc;
}

export function validateUpdate(update: unknown, multi: boolean): void {
  if (isPipelineUpdate(update)) return;
  if (!isPlainObject(update)) throw new MongoCommandError(14, 'Update argument must be either an object or an array');
  if (multi && !isOperatorUpdate(update)) throw new MongoCommandError(9, 'multi update is not supported for replacement-style update');
}

function upsert(catalog: Catalog, collection: Collection, request: UpdateRequest): UpdateResult {
  const seed = upsertSeed(request.filter);
  const spec = request.update;
  const base = isPipelineUpdate(spec) || isOperatorUpdate(spec as Doc) ? seed : seed._id === undefined ? {} : { _id: seed._id };
  const { doc } = applyUpdate(base, spec, { inserting: true, arrayFilters: request.arrayFilters, filter: request.filter, variables: request.variables });
  const stored = insertDocument(catalog, collection, doc, { bypassValidation: request.bypassValidation });
  return { matched: 0, modified: 0, upsertedId: stored._id, after: stored };
}

/** Runs one update statement (update command or findAndModify) against a collection. */
export function updateDocuments(catalog: Catalog, collection: Collection, request: UpdateRequest): UpdateResult {
  validateUpdate(request.update, request.multi);
  const targets = selectDocuments(collection, {
    filter: request.filter,
    sort: request.sort,
    limit: request.multi ? 0 : 1,
    hint: request.hint,
    variables: request.variables,
    collation: request.collation,
  });
  if (targets.length === 0) {
    return request.upsert ? upsert(catalog, collection, request) : { matched: 0, modified: 0 };
  }
  let modified = 0;
  let after: Doc | undefined;
  for (const old of targets) {
    const outcome = applyUpdate(old, request.update, { inserting: false, arrayFilters: request.arrayFilters, filter: request.filter, variables: request.variables });
    after = outcome.doc;
    if (!outcome.modified) continue;
    replaceDocument(catalog, collection, outcome.doc, old, { bypassValidation: request.bypassValidation });
    modified += 1;
  }
  return { matched: targets.length, modified, before: targets[0], after };
}
