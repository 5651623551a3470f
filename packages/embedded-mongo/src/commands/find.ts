import { badValue } from '../errors';
import { evaluateLet } from '../query/letVariables';
import { compileFilter } from '../query/mingo';
import { compileProjection } from '../query/project';
import { parseSort } from '../query/sort';
import type { Doc } from '../types';
import type { EncodedReply } from '../wire/encodedReply';
import type { CommandContext } from './context';
import { collectionArg, docArg, intArg, nonNegativeArg } from './shared/args';
import { cursorReply, DEFAULT_BATCH } from './shared/cursorReply';
import { collationFor, selectDocuments } from './shared/read';

export function find(ctx: CommandContext, cmd: Doc, db: string): Doc | EncodedReply {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const filter = docArg(cmd, 'filter');
  const variables = evaluateLet(cmd.let);
  const collection = ctx.catalog.getCollection(db, name);
  const collation = collationFor(collection, cmd.collation);
  compileFilter(filter, variables, collation);
  const sort = parseSort(cmd.sort);
  const project = compileProjection(cmd.projection, filter);
  const skip = nonNegativeArg(cmd, 'skip') ?? 0;
  const batchSize = nonNegativeArg(cmd, 'batchSize') ?? DEFAULT_BATCH;
  let limit = intArg(cmd, 'limit') ?? 0;
  let singleBatch = cmd.singleBatch === true;
  if (limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  if (cmd.tailable === true) throw badValue('tailable cursors are not supported by embedded-mongo');
  const ns = `${db}.${name}`;
  if (!collection) return cursorReply(ctx, ns, [], { batchSize, singleBatch });
  const docs = selectDocuments(collection, { filter, sort, skip, limit, hint: cmd.hint, variables, collation });
  return cursorReply(ctx, ns, docs, { batchSize, singleBatch, project });
}
