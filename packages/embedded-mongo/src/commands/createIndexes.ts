import { MongoCommandError } from '../errors';
import type { IndexSpec } from '../indexes/index';
import { ID_INDEX_NAME } from '../indexes/index';
import { parseKeyPattern } from '../indexes/indexKeys';
import { parseCollation } from '../query/collation';
import { compareBson } from '../query/compare';
import { compileFilter } from '../query/mingo';
import type { Collection } from '../storage/collection';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { arrayArg, collectionArg } from './shared/args';
import type { CommandContext } from './context';

const DROPPED_OPTIONS = new Set(['v', 'key', 'name', 'ns', 'background', 'unique', 'sparse']);

export function normaliseIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw new MongoCommandError(14, 'index specification must be an object');
  if (!isPlainObject(raw.key)) throw new MongoCommandError(9, "The 'key' field is a required property of an index specification");
  if (typeof raw.name !== 'string' || raw.name.length === 0) throw new MongoCommandError(9, "The 'name' field is a required property of an index specification");
  parseKeyPattern(raw.key);
  if (raw.name === ID_INDEX_NAME && compareBson(raw.key, { _id: 1 }) !== 0) throw new MongoCommandError(197, "The index name '_id_' is reserved for the _id index");
  if (raw.partialFilterExpression !== undefined) {
    if (!isPlainObject(raw.partialFilterExpression)) throw new MongoCommandError(2, 'partialFilterExpression must be an object');
    compileFilter(raw.partialFilterExpression);
  }
  const spec: IndexSpec = { v: 2, key: raw.key, name: raw.name };
  if (raw.unique === true && raw.name !== ID_INDEX_NAME) spec.unique = true;
  if (raw.sparse === true) spec.sparse = true;
  for (const [key, value] of Object.entries(raw)) if (!DROPPED_OPTIONS.has(key)) spec[key] = value;
  return spec;
}

const optionsOf = (spec: IndexSpec): Doc => {
  const { v: _v, key: _k, name: _n, ...rest } = spec;
  return rest;
};

/** True when an equal index exists already; throws mongod's conflict errors for near-misses. */
function alreadyExists(collection: Collection, spec: IndexSpec): boolean {
  const byName = collection.indexes.get(spec.name);
  if (byName) {
    if (compareBson(byName.spec.key, spec.key) === 0 && compareBson(optionsOf(byName.spec), optionsOf(spec)) === 0) return true;
    if (byName.isId && compareBson(spec.key, { _id: 1 }) === 0) return true;
    throw new MongoCommandError(86, `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(byName.spec)}`);
  }
  for (const index of collection.indexes.values()) {
    if (compareBson(index.spec.key, spec.key) !== 0) continue;
    if (compareBson(index.spec.partialFilterExpression ?? null, spec.partialFilterExpression ?? null) !== 0) continue;
    if (compareBson(index.spec.collation ?? null, spec.collation ?? null) !== 0) continue;
    if (compareBson(optionsOf(index.spec), optionsOf(spec)) === 0) {
      throw new MongoCommandError(85, `Index already exists with a different name: ${index.name}`);
    }
    throw new MongoCommandError(85, `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(index.spec)}`);
  }
  return false;
}

/** An index without a collation takes the collection's; an explicit one is stored in full (or dropped when simple). */
function withCollation(spec: IndexSpec, collection: Collection): IndexSpec {
  const { collation: requested, ...rest } = spec;
  const collation = requested === undefined ? collection.collation : parseCollation(requested);
  return collation ? { ...rest, collation: collation.spec } : rest;
}

export function createIndexes(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, 'createIndexes', db);
  const raw = arrayArg(cmd, 'indexes').map(normaliseIndexSpec);
  if (raw.length === 0) throw new MongoCommandError(2, 'Must specify at least one index to create');
  const createdCollectionAutomatically = !ctx.catalog.getCollection(db, name);
  const collection = ctx.catalog.ensureCollection(db, name);
  const specs = raw.map((spec) => withCollation(spec, collection));
  const numIndexesBefore = collection.indexes.size;
  const fresh = specs.filter((spec) => !alreadyExists(collection, spec));
  for (const spec of fresh) {
    collection.buildIndex(spec);
    ctx.catalog.commit({ op: 'createIndex', db, coll: name, spec });
  }
  return {
    numIndexesBefore,
    numIndexesAfter: collection.indexes.size,
    createdCollectionAutomatically,
    ...(fresh.length === 0 ? { note: 'all indexes already exist' } : {}),
    ok: 1,
  };
}
