import type { Doc } from '../types';
import type { CommandContext } from './context';

/** `endSessions` / `killSessions`: the listed sessions leave the local session cache. */
export function endSessions(ctx: CommandContext, cmd: Doc): Doc {
  ctx.sessions.end(cmd[Object.keys(cmd)[0] as string]);
  return { ok: 1 };
}
