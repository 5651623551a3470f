import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import type { EncodedReply } from '../wire/encodedReply';
import { collectionArg } from './shared/args';
import { cursorReply } from './shared/cursorReply';
import type { CommandContext } from './context';

export function listIndexes(ctx: CommandContext, cmd: Doc, db: string): Doc | EncodedReply {
  const name = collectionArg(cmd, 'listIndexes', db);
  const collection = ctx.catalog.getCollection(db, name);
  if (!collection) throw new MongoCommandError(26, `ns does not exist: ${db}.${name}`);
  const specs = [...collection.indexes.values()].map((index) => ({ ...index.spec }));
  return cursorReply(ctx, `${db}.${name}`, specs, { batchSize: Infinity });
}
