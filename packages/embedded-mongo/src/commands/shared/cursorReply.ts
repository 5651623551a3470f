import type { Projector } from '../../query/project';
import { takeBatch } from '../../storage/cursors';
import type { Doc } from '../../types';
import type { EncodedReply } from '../../wire/encodedReply';
import { encodeCursorReply } from '../../wire/encodedReply';
import type { CommandContext } from '../context';

export interface CursorOptions {
  batchSize?: number;
  singleBatch?: boolean;
  project?: Projector | null;
}

export const DEFAULT_BATCH = 101;

/** `{ cursor: { firstBatch, id, ns } }`, opening a server cursor when documents remain. */
export function cursorReply(ctx: CommandContext, ns: string, docs: Doc[], options: CursorOptions = {}): EncodedReply {
  const project = options.project ?? null;
  const { batch, next } = takeBatch(docs, 0, options.batchSize ?? DEFAULT_BATCH, project);
  const done = next >= docs.length || options.singleBatch === true;
  const id = done ? 0n : ctx.cursors.open(ns, docs, next, project);
  return encodeCursorReply('firstBatch', batch, id, ns);
}
