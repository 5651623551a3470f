import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { MAX_BSON_OBJECT_BYTES, MAX_MESSAGE_BYTES, MAX_WRITE_BATCH_SIZE } from '../wire/constants';
import type { CommandContext } from './context';

export const MAX_WIRE_VERSION = 21;

/**
 * A standalone server with sessions. No `topologyVersion`, so drivers poll instead of streaming,
 * and no `compression`, so nothing arrives compressed.
 */
function helloReply(ctx: CommandContext, cmd: Doc, legacy: boolean): Doc {
  if (isPlainObject(cmd.client)) ctx.connection.client = cmd.client;
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_BYTES,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connection.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

export const hello = (ctx: CommandContext, cmd: Doc): Doc => helloReply(ctx, cmd, false);
export const isMaster = (ctx: CommandContext, cmd: Doc): Doc => helloReply(ctx, cmd, true);
