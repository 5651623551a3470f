import { MongoCommandError } from '../errors';
import type { Index } from '../indexes/index';
import { compareBson } from '../query/compare';
import type { Collection } from '../storage/collection';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { collectionArg } from './shared/args';
import type { CommandContext } from './context';

function findByName(collection: Collection, name: string): Index {
  const index = collection.indexes.get(name);
  if (!index) throw new MongoCommandError(27, `index not found with name [${name}]`);
  if (index.isId) throw new MongoCommandError(72, 'cannot drop _id index');
  return index;
}

function targets(collection: Collection, spec: unknown): Index[] {
  if (spec === '*') return [...collection.indexes.values()].filter((i) => !i.isId);
  if (typeof spec === 'string') return [findByName(collection, spec)];
  if (Array.isArray(spec)) return spec.map((name) => findByName(collection, String(name)));
  if (isPlainObject(spec)) {
    const matches = [...collection.indexes.values()].filter((i) => compareBson(i.spec.key, spec) === 0);
    if (matches.length === 0) throw new MongoCommandError(27, `can't find index with key: ${JSON.stringify(spec)}`);
    if (matches.some((i) => i.isId)) throw new MongoCommandError(72, 'cannot drop _id index');
    return matches.slice(0, 1);
  }
  throw new MongoCommandError(14, "BSON field 'dropIndexes.index' must be a string, an array of strings or an object");
}

export function dropIndexes(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const collection = ctx.catalog.getCollection(db, name);
  if (!collection) throw new MongoCommandError(26, `ns not found ${db}.${name}`);
  const nIndexesWas = collection.indexes.size;
  for (const index of targets(collection, cmd.index)) ctx.catalog.commit({ op: 'dropIndex', db, coll: name, name: index.name });
  return { nIndexesWas, ok: 1 };
}
