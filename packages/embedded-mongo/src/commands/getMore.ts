import { MongoCommandError } from '../errors';
import { takeBatch } from '../storage/cursors';
import type { Doc } from '../types';
import type { EncodedReply } from '../wire/encodedReply';
import { encodeCursorReply } from '../wire/encodedReply';
import { nonNegativeArg, toBigInt } from './shared/args';
import type { CommandContext } from './context';

export function getMore(ctx: CommandContext, cmd: Doc, db: string): EncodedReply {
  const id = toBigInt(cmd.getMore);
  if (id === undefined) throw new MongoCommandError(14, "BSON field 'getMore.getMore' is the wrong type, expected type 'long'");
  const cursor = ctx.cursors.get(id);
  if (!cursor) throw new MongoCommandError(43, `cursor id ${id} not found`);
  const ns = `${db}.${String(cmd.collection)}`;
  if (cursor.ns !== ns) {
    throw new MongoCommandError(13, `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
  }
  const batchSize = nonNegativeArg(cmd, 'batchSize') || Infinity;
  const { batch, next } = takeBatch(cursor.docs, cursor.position, batchSize, cursor.project);
  cursor.position = next;
  const done = next >= cursor.docs.length;
  if (done) ctx.cursors.close(id);
  return encodeCursorReply('nextBatch', batch, done ? 0n : id, ns);
}
