import { MongoCommandError, toWriteError } from '../errors';
import { compileFilter } from '../query/mingo';
import { evaluateLet } from '../query/letVariables';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { CommandContext } from './context';
import { arrayArg, collectionArg } from './shared/args';
import { collationFor } from './shared/read';
import type { UpdateResult } from './shared/writes';
import { updateDocuments, validateUpdate } from './shared/writes';

interface StatementOptions {
  variables: Doc | undefined;
  bypassValidation: boolean;
}

function runStatement(ctx: CommandContext, db: string, name: string, raw: unknown, { variables, bypassValidation }: StatementOptions): UpdateResult {
  if (!isPlainObject(raw)) throw new MongoCommandError(14, 'update statement must be an object');
  const filter = raw.q ?? {};
  if (!isPlainObject(filter)) throw new MongoCommandError(14, "BSON field 'update.updates.q' is the wrong type, expected type 'object'");
  if (raw.u === undefined) throw new MongoCommandError(40414, "BSON field 'update.updates.u' is missing but a required field");
  if (raw.sort !== undefined) throw new MongoCommandError(40415, "BSON field 'update.updates.sort' is an unknown field.");
  const multi = raw.multi === true;
  const upsert = raw.upsert === true;
  validateUpdate(raw.u, multi);
  const existing = ctx.catalog.getCollection(db, name);
  const collation = collationFor(existing, raw.collation);
  compileFilter(filter, variables, collation);
  const arrayFilters = Array.isArray(raw.arrayFilters) ? (raw.arrayFilters as Doc[]) : undefined;
  if (!existing && !upsert) return { matched: 0, modified: 0 };
  const collection = existing ?? ctx.catalog.ensureCollection(db, name);
  return updateDocuments(ctx.catalog, collection, { filter, update: raw.u, upsert, multi, arrayFilters, hint: raw.hint, variables, collation, bypassValidation });
}

export function update(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const statements = arrayArg(cmd, 'updates');
  const ordered = cmd.ordered !== false;
  const options = { variables: evaluateLet(cmd.let), bypassValidation: cmd.bypassDocumentValidation === true };
  const writeErrors: Doc[] = [];
  const upserted: Doc[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < statements.length; i++) {
    try {
      const result = runStatement(ctx, db, name, statements[i], options);
      n += result.matched;
      nModified += result.modified;
      if (result.upsertedId === undefined) continue;
      n += 1;
      upserted.push({ index: i, _id: result.upsertedId });
    } catch (error) {
      writeErrors.push(toWriteError(i, error));
      if (ordered) break;
    }
  }
  return { n, nModified, ...(upserted.length > 0 ? { upserted } : {}), ...(writeErrors.length > 0 ? { writeErrors } : {}), ok: 1 };
}
