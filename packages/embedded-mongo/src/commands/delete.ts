import { MongoCommandError, toWriteError } from '../errors';
import { evaluateLet } from '../query/letVariables';
import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { CommandContext } from './context';
import { arrayArg, collectionArg, toNumber } from './shared/args';
import { collationFor, selectDocuments } from './shared/read';
import { deleteDocument } from './shared/writes';

function runStatement(ctx: CommandContext, db: string, name: string, raw: unknown, variables: Doc | undefined): number {
  if (!isPlainObject(raw)) throw new MongoCommandError(14, 'delete statement must be an object');
  const filter = raw.q ?? {};
  if (!isPlainObject(filter)) throw new MongoCommandError(14, "BSON field 'delete.deletes.q' is the wrong type, expected type 'object'");
  const limit = toNumber(raw.limit) ?? 0;
  if (limit !== 0 && limit !== 1) throw new MongoCommandError(9, `The limit field in delete objects must be 0 or 1. Got ${limit}`);
  const collection = ctx.catalog.getCollection(db, name);
  const collation = collationFor(collection, raw.collation);
  compileFilter(filter, variables, collation);
  if (!collection) return 0;
  const docs = selectDocuments(collection, { filter, limit, hint: raw.hint, variables, collation });
  for (const doc of docs) deleteDocument(ctx.catalog, collection, doc);
  return docs.length;
}

export function deleteCommand(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const statements = arrayArg(cmd, 'deletes');
  const ordered = cmd.ordered !== false;
  const variables = evaluateLet(cmd.let);
  const writeErrors: Doc[] = [];
  let n = 0;
  for (let i = 0; i < statements.length; i++) {
    try {
      n += runStatement(ctx, db, name, statements[i], variables);
    } catch (error) {
      writeErrors.push(toWriteError(i, error));
      if (ordered) break;
    }
  }
  return writeErrors.length > 0 ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
}
