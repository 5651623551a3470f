import { MongoCommandError } from '../errors';
import { evaluateLet } from '../query/letVariables';
import { compileFilter } from '../query/mingo';
import { compileProjection } from '../query/project';
import { parseSort } from '../query/sort';
import type { Doc } from '../types';
import type { CommandContext } from './context';
import { collectionArg, docArg } from './shared/args';
import { collationFor, selectDocuments } from './shared/read';
import { deleteDocument, updateDocuments, validateUpdate } from './shared/writes';

function checkArguments(cmd: Doc, remove: boolean, upsert: boolean): void {
  if (remove && cmd.update !== undefined) throw new MongoCommandError(9, 'Cannot specify both an update and remove=true');
  if (remove && upsert) throw new MongoCommandError(9, 'Cannot specify both upsert=true and remove=true');
  if (remove && cmd.new === true) throw new MongoCommandError(9, "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  if (!remove && cmd.update === undefined) throw new MongoCommandError(9, 'Either an update or remove=true must be specified');
  if (!remove) validateUpdate(cmd.update, false);
}

export function findAndModify(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  const filter = docArg(cmd, 'query') ?? {};
  const variables = evaluateLet(cmd.let);
  const existing = ctx.catalog.getCollection(db, name);
  const collation = collationFor(existing, cmd.collation);
  compileFilter(filter, variables, collation);
  const sort = parseSort(cmd.sort);
  const project = compileProjection(cmd.fields, filter);
  const shape = (doc: Doc | undefined): Doc | null => (doc ? (project ? project(doc) : doc) : null);
  const remove = cmd.remove === true;
  const upsert = cmd.upsert === true;
  checkArguments(cmd, remove, upsert);
  if (remove) {
    const doc = existing ? selectDocuments(existing, { filter, sort, limit: 1, hint: cmd.hint, variables, collation })[0] : undefined;
    if (!doc || !existing) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    deleteDocument(ctx.catalog, existing, doc);
    return { lastErrorObject: { n: 1 }, value: shape(doc), ok: 1 };
  }
  if (!existing && !upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const collection = existing ?? ctx.catalog.ensureCollection(db, name);
  const arrayFilters = Array.isArray(cmd.arrayFilters) ? (cmd.arrayFilters as Doc[]) : undefined;
  const result = updateDocuments(ctx.catalog, collection, { filter, update: cmd.update, upsert, multi: false, arrayFilters, sort, hint: cmd.hint, variables, collation, bypassValidation: cmd.bypassDocumentValidation === true });
  const returnNew = cmd.new === true;
  if (result.upsertedId !== undefined) {
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: result.upsertedId }, value: returnNew ? shape(result.after) : null, ok: 1 };
  }
  if (result.matched === 0) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: shape(returnNew ? result.after : result.before), ok: 1 };
}
