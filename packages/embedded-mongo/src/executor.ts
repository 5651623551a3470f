import { COMMANDS } from './commands';
import type { CommandContext, ConnectionInfo, EngineInfo } from './commands/context';
import { MongoCommandError, toErrorReply } from './errors';
import type { Catalog } from './storage/catalog';
import type { CursorStore } from './storage/cursors';
import { LocalSessions } from './storage/sessions';
import type { Doc } from './types';
import { firstKey } from './types';
import { encodeDocument } from './wire/bsonOptions';
import { OP_MSG } from './wire/constants';
import type { WireRequest } from './wire/messages';
import { encodeOpMsg, encodeOpReply } from './wire/messages';
import { EncodedReply } from './wire/encodedReply';

/** The journal's side of a reply: `whenDurable` runs once everything recorded so far is on disk. */
export interface Durability {
  whenDurable(done: () => void): void;
}

export interface Connection {
  info: ConnectionInfo;
  send(frame: Buffer): void;
}

export interface ExecutorDeps {
  catalog: Catalog;
  cursors: CursorStore;
  engine: EngineInfo;
  durability: Durability | null;
}

function checkGenericArguments(body: Doc): void {
  if (body.txnNumber !== undefined || body.startTransaction !== undefined || body.autocommit !== undefined) {
    throw new MongoCommandError(20, 'Transaction numbers are only allowed on a replica set member or mongos');
  }
  if (body.apiVersion !== undefined && body.apiVersion !== '1') {
    throw new MongoCommandError(322, `API version must be "1"`);
  }
}

/**
 * Runs commands one at a time. Handlers are synchronous, so each command is atomic without locks;
 * replies wait for the journal's fsync when anything was recorded, and keep their order.
 */
export class Executor {
  private nextResponseId = 1;
  private readonly sessions = new LocalSessions();

  constructor(private readonly deps: ExecutorDeps) {}

  execute(connection: Connection, request: WireRequest): void {
    this.reply(connection, request.opCode, request.requestId, this.run(connection, request), request.moreToCome);
  }

  /** Answers a message that could not be parsed, in its own protocol. */
  fail(connection: Connection, opCode: number, requestId: number, error: unknown): void {
    this.reply(connection, opCode, requestId, toErrorReply(error), false);
  }

  run(connection: Connection, request: WireRequest): Doc | EncodedReply {
    const body = request.body;
    const name = firstKey(body) ?? '';
    const handler = COMMANDS.get(name.toLowerCase());
    const ctx: CommandContext = { catalog: this.deps.catalog, cursors: this.deps.cursors, sessions: this.sessions, engine: this.deps.engine, connection: connection.info };
    try {
      if (!handler) throw new MongoCommandError(59, `no such command: '${name}'`);
      checkGenericArguments(body);
      this.sessions.touch(body.lsid);
      const reply = handler(ctx, body, request.db);
      return reply instanceof EncodedReply || 'ok' in reply ? reply : { ...reply, ok: 1 };
    } catch (error) {
      return toErrorReply(error);
    }
  }

  private encode(opCode: number, requestId: number, reply: Doc | EncodedReply): Buffer {
    const responseId = this.nextResponseId++ & 0x7fffffff;
    let payload: Uint8Array;
    try {
      payload = reply instanceof EncodedReply ? reply.bytes : encodeDocument(reply);
    } catch (error) {
      payload = encodeDocument(toErrorReply(new MongoCommandError(10334, `reply could not be encoded: ${error instanceof Error ? error.message : String(error)}`)));
    }
    return opCode === OP_MSG ? encodeOpMsg(responseId, requestId, payload) : encodeOpReply(responseId, requestId, payload);
  }

  private reply(connection: Connection, opCode: number, requestId: number, reply: Doc | EncodedReply, silent: boolean): void {
    const frame = silent ? null : this.encode(opCode, requestId, reply);
    const send = (): void => {
      if (frame) connection.send(frame);
    };
    if (this.deps.durability) this.deps.durability.whenDurable(send);
    else send();
  }
}
