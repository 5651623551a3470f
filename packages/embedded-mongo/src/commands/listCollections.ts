import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import type { EncodedReply } from '../wire/encodedReply';
import { docArg } from './shared/args';
import { cursorReply } from './shared/cursorReply';
import type { CommandContext } from './context';

export function listCollections(ctx: CommandContext, cmd: Doc, db: string): Doc | EncodedReply {
  const matches = compileFilter(docArg(cmd, 'filter'));
  const nameOnly = cmd.nameOnly === true;
  const entries: Doc[] = [];
  for (const collection of ctx.catalog.databases.get(db)?.values() ?? []) {
    const full: Doc = {
      name: collection.name,
      type: 'collection',
      options: collection.options,
      info: { readOnly: false, uuid: collection.uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    };
    if (!matches(full)) continue;
    entries.push(nameOnly ? { name: collection.name, type: 'collection' } : full);
  }
  return cursorReply(ctx, `${db}.$cmd.listCollections`, entries, { batchSize: Infinity });
}
