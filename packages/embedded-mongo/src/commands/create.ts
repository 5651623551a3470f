import { UUID } from 'bson';

import { MongoCommandError } from '../errors';
import { parseCollation } from '../query/collation';
import { checkDatabaseName } from '../storage/catalog';
import { DocumentValidator } from '../storage/validation';
import type { Doc } from '../types';
import { collectionArg } from './shared/args';
import type { CommandContext } from './context';

const KEPT_OPTIONS = ['capped', 'size', 'max', 'validator', 'validationLevel', 'validationAction', 'collation', 'expireAfterSeconds', 'clusteredIndex', 'changeStreamPreAndPostImages', 'storageEngine', 'indexOptionDefaults'];

export function create(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const name = collectionArg(cmd, 'create', db);
  checkDatabaseName(db);
  if (cmd.viewOn !== undefined || cmd.timeseries !== undefined) {
    throw new MongoCommandError(115, 'views and time-series collections are not supported by embedded-mongo');
  }
  if (ctx.catalog.getCollection(db, name)) throw new MongoCommandError(48, `Collection ${db}.${name} already exists.`);
  const options: Doc = {};
  for (const key of KEPT_OPTIONS) if (cmd[key] !== undefined) options[key] = cmd[key];
  DocumentValidator.fromOptions(options);
  const collation = parseCollation(cmd.collation);
  if (collation) options.collation = collation.spec;
  else delete options.collation;
  ctx.catalog.commit({ op: 'createCollection', db, coll: name, options, uuid: new UUID() });
  return { ok: 1 };
}
