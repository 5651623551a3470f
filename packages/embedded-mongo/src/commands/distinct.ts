import { MongoCommandError } from '../errors';
import { compareBson } from '../query/compare';
import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { collectionArg, docArg } from './shared/args';
import { collationFor, selectDocuments } from './shared/read';
import type { CommandContext } from './context';

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (value === undefined) return;
  if (i === parts.length) {
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (isPlainObject(item)) collect(item, parts, i, out);
    return;
  }
  if (isPlainObject(value)) collect(value[parts[i] as string], parts, i + 1, out);
}

export function distinct(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, 'distinct', db);
  if (typeof cmd.key !== 'string' || cmd.key.length === 0) throw new MongoCommandError(14, "BSON field 'distinct.key' is missing or not a string");
  const filter = docArg(cmd, 'query');
  const collection = ctx.catalog.getCollection(db, name);
  const collation = collationFor(collection, cmd.collation);
  compileFilter(filter, undefined, collation);
  if (!collection) return { values: [], ok: 1 };
  const parts = cmd.key.split('.');
  const values: unknown[] = [];
  for (const doc of selectDocuments(collection, { filter, hint: cmd.hint, collation })) collect(doc, parts, 0, values);
  const compare = collation?.compare ?? compareBson;
  values.sort(compare);
  return { values: values.filter((v, i) => i === 0 || compare(v, values[i - 1]) !== 0), ok: 1 };
}
