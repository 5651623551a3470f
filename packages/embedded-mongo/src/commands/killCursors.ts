import { Long } from 'bson';

import type { Doc } from '../types';
import { arrayArg, toBigInt } from './shared/args';
import type { CommandContext } from './context';

export function killCursors(ctx: CommandContext, cmd: Doc): Doc {
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const raw of arrayArg(cmd, 'cursors')) {
    const id = toBigInt(raw);
    if (id === undefined) continue;
    (ctx.cursors.close(id) ? killed : notFound).push(Long.fromBigInt(id));
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}
