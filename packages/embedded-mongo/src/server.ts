import net from 'node:net';

import type { Connection, Executor } from './executor';
import { MongoCommandError } from './errors';
import { OP_MSG, OP_QUERY } from './wire/constants';
import { MessageFramer } from './wire/framing';
import type { WireRequest } from './wire/messages';
import { parseOpMsg, parseOpQuery, readHeader } from './wire/messages';

function parse(message: Buffer): WireRequest {
  const header = readHeader(message);
  if (header.opCode === OP_MSG) return parseOpMsg(message, header);
  return parseOpQuery(message, header);
}

/** The TCP side: sockets, framing and connection lifecycle. No command logic lives here. */
export class WireServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();
  private nextConnectionId = 1;

  constructor(private readonly executor: Executor) {
    this.server.on('error', () => undefined);
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen({ host, port }, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    const connection: Connection = {
      info: { id: this.nextConnectionId++, remote: `${socket.remoteAddress ?? ''}:${socket.remotePort ?? 0}` },
      send: (frame) => {
        if (!socket.destroyed) socket.write(frame);
      },
    };
    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) this.dispatch(socket, connection, message);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private dispatch(socket: net.Socket, connection: Connection, message: Buffer): void {
    if (socket.destroyed) return;
    const header = readHeader(message);
    if (header.opCode !== OP_MSG && header.opCode !== OP_QUERY) {
      socket.destroy();
      return;
    }
    let request: WireRequest;
    try {
      request = parse(message);
    } catch (error) {
      const known = error instanceof MongoCommandError ? error : new MongoCommandError(9, 'malformed message');
      try {
        this.executor.fail(connection, header.opCode, header.requestId, known);
      } catch {
        socket.destroy();
      }
      return;
    }
    try {
      this.executor.execute(connection, request);
    } catch {
      socket.destroy();
    }
  }
}
