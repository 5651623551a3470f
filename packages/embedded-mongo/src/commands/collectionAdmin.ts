import { BSON } from 'bson';

import { MongoCommandError } from '../errors';
import type { Collection } from '../storage/collection';
import type { Doc } from '../types';
import { collectionArg } from './shared/args';
import type { CommandContext } from './context';

function splitNs(value: unknown): { db: string; coll: string } {
  const ns = String(value);
  const dot = ns.indexOf('.');
  if (dot <= 0) throw new MongoCommandError(73, `Invalid namespace specified '${ns}'`);
  return { db: ns.slice(0, dot), coll: ns.slice(dot + 1) };
}

export function renameCollection(ctx: CommandContext, cmd: Doc): Doc {
  const from = splitNs(cmd.renameCollection);
  const to = splitNs(cmd.to);
  const source = ctx.catalog.getCollection(from.db, from.coll);
  if (!source) throw new MongoCommandError(26, 'Source collection does not exist');
  collectionArg({ to: to.coll }, 'to', to.db);
  if (ctx.catalog.getCollection(to.db, to.coll)) {
    if (cmd.dropTarget !== true) throw new MongoCommandError(48, 'Target namespace exists');
    ctx.catalog.commit({ op: 'dropCollection', db: to.db, coll: to.coll });
  }
  ctx.catalog.commit({ op: 'renameCollection', db: from.db, coll: from.coll, toDb: to.db, toColl: to.coll });
  return { ok: 1 };
}

function dataSize(collection: Collection): number {
  let bytes = 0;
  for (const doc of collection.docs.values()) bytes += BSON.calculateObjectSize(doc);
  return bytes;
}

export function collStats(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, 'collStats', db);
  const collection = ctx.catalog.getCollection(db, name);
  if (!collection) throw new MongoCommandError(26, `Collection [${db}.${name}] not found.`);
  const size = dataSize(collection);
  const indexSizes: Doc = {};
  for (const index of collection.indexes.values()) indexSizes[index.name] = index.entries.size * 64;
  return {
    ns: collection.ns,
    count: collection.size,
    size,
    avgObjSize: collection.size ? Math.round(size / collection.size) : 0,
    storageSize: size,
    nindexes: collection.indexes.size,
    totalIndexSize: Object.values(indexSizes).reduce((a: number, b) => a + Number(b), 0),
    indexSizes,
    ok: 1,
  };
}

export function dbStats(ctx: CommandContext, _cmd: Doc, db: string): Doc {
  const collections = [...(ctx.catalog.databases.get(db)?.values() ?? [])];
  const objects = collections.reduce((n, c) => n + c.size, 0);
  const size = collections.reduce((n, c) => n + dataSize(c), 0);
  const indexes = collections.reduce((n, c) => n + c.indexes.size, 0);
  return {
    db,
    collections: collections.length,
    views: 0,
    objects,
    avgObjSize: objects ? size / objects : 0,
    dataSize: size,
    storageSize: size,
    indexes,
    indexSize: 0,
    totalSize: size,
    scaleFactor: 1,
    ok: 1,
  };
}

export function collMod(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, 'collMod', db);
  if (!ctx.catalog.getCollection(db, name)) throw new MongoCommandError(26, `ns does not exist: ${db}.${name}`);
  const changed = ['validator', 'validationLevel', 'validationAction'].filter((field) => cmd[field] !== undefined);
  if (changed.length > 0) throw new MongoCommandError(115, `collMod cannot change ${changed.join(', ')} in embedded-mongo: set them when the collection is created`);
  return { ok: 1 };
}
