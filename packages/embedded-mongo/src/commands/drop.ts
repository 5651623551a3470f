import type { Doc } from '../types';
import { collectionArg } from './shared/args';
import type { CommandContext } from './context';

export function drop(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, 'drop', db);
  const collection = ctx.catalog.getCollection(db, name);
  if (!collection) return { ok: 1 };
  const nIndexesWas = collection.indexes.size;
  ctx.catalog.commit({ op: 'dropCollection', db, coll: name });
  return { nIndexesWas, ns: `${db}.${name}`, ok: 1 };
}

export function dropDatabase(ctx: CommandContext, _cmd: Doc, db: string): Doc {
  if (ctx.catalog.databases.has(db)) ctx.catalog.commit({ op: 'dropDatabase', db });
  return { dropped: db, ok: 1 };
}
