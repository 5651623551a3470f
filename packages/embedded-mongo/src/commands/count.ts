import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import type { CommandContext } from './context';
import { collectionArg, docArg, intArg, nonNegativeArg } from './shared/args';
import { collationFor, selectDocuments } from './shared/read';

export function count(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const filter = docArg(cmd, 'query');
  const collection = ctx.catalog.getCollection(db, name);
  const collation = collationFor(collection, cmd.collation);
  compileFilter(filter, undefined, collation);
  const skip = nonNegativeArg(cmd, 'skip') ?? 0;
  const limit = Math.abs(intArg(cmd, 'limit') ?? 0);
  if (!collection) return { n: 0, ok: 1 };
  if ((!filter || Object.keys(filter).length === 0) && cmd.hint === undefined) {
    const n = Math.max(0, collection.size - skip);
    return { n: limit > 0 ? Math.min(n, limit) : n, ok: 1 };
  }
  return { n: selectDocuments(collection, { filter, skip, limit, hint: cmd.hint, collation }).length, ok: 1 };
}
