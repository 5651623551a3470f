import { MongoCommandError, toWriteError } from '../errors';
import type { Doc } from '../types';
import { MAX_WRITE_BATCH_SIZE } from '../wire/constants';
import type { CommandContext } from './context';
import { arrayArg, collectionArg } from './shared/args';
import { insertDocument } from './shared/writes';

export function insert(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const documents = arrayArg(cmd, 'documents');
  if (documents.length === 0 || documents.length > MAX_WRITE_BATCH_SIZE) {
    throw new MongoCommandError(16, `Write batch sizes must be between 1 and ${MAX_WRITE_BATCH_SIZE}. Got ${documents.length} operations.`);
  }
  const ordered = cmd.ordered !== false;
  const collection = ctx.catalog.ensureCollection(db, name);
  const writeErrors: Doc[] = [];
  let n = 0;
  for (let i = 0; i < documents.length; i++) {
    try {
      insertDocument(ctx.catalog, collection, documents[i], { bypassValidation: cmd.bypassDocumentValidation === true });
      n += 1;
    } catch (error) {
      writeErrors.push(toWriteError(i, error));
      if (ordered) break;
    }
  }
  return writeErrors.length > 0 ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
}
