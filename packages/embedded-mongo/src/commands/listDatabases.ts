import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import { docArg } from './shared/args';
import type { CommandContext } from './context';

function approximateSize(ctx: CommandContext, db: string): number {
  let docs = 0;
  for (const collection of ctx.catalog.databases.get(db)?.values() ?? []) docs += collection.size;
  return 4096 + docs * 256;
}

export function listDatabases(ctx: CommandContext, cmd: Doc): Doc {
  const matches = compileFilter(docArg(cmd, 'filter'));
  const nameOnly = cmd.nameOnly === true;
  const databases: Doc[] = [];
  let totalSize = 0;
  for (const name of ctx.catalog.databases.keys()) {
    const sizeOnDisk = approximateSize(ctx, name);
    const entry: Doc = nameOnly ? { name } : { name, sizeOnDisk, empty: false };
    if (!matches(entry)) continue;
    totalSize += sizeOnDisk;
    databases.push(entry);
  }
  return nameOnly ? { databases, ok: 1 } : { databases, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
}
