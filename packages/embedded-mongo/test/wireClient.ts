import net from 'node:net';

import { BSON } from 'bson';
import type { Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

let nextRequestId = 1;

function crcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
const TABLE = crcTable();

export function crc32c(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = (TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export interface Built {
  requestId: number;
  bytes: Buffer;
}

export interface OpMsgOptions {
  moreToCome?: boolean;
  checksum?: boolean;
  /** kind-1 document sequences: identifier → documents */
  sequences?: Record<string, Document[]>;
}

export function opMsg(body: Document, options: OpMsgOptions = {}): Built {
  const requestId = nextRequestId++;
  const sections: Buffer[] = [Buffer.from([0]), Buffer.from(BSON.serialize(body))];
  for (const [id, docs] of Object.entries(options.sequences ?? {})) {
    const payload = Buffer.concat([Buffer.from(`${id}\0`), ...docs.map((d) => Buffer.from(BSON.serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4, 0);
    sections.push(Buffer.from([1]), size, payload);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE((options.checksum ? 1 : 0) | (options.moreToCome ? 2 : 0), 0);
  const content = Buffer.concat([flags, ...sections]);
  const length = 16 + content.length + (options.checksum ? 4 : 0);
  const withoutCrc = Buffer.concat([header(length, requestId, OP_MSG), content]);
  if (!options.checksum) return { requestId, bytes: withoutCrc };
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32c(withoutCrc), 0);
  return { requestId, bytes: Buffer.concat([withoutCrc, crc]) };
}

export function opQuery(ns: string, query: Document): Built {
  const requestId = nextRequestId++;
  const content = Buffer.concat([Buffer.alloc(4), Buffer.from(`${ns}\0`), Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]), Buffer.from(BSON.serialize(query))]);
  return { requestId, bytes: Buffer.concat([header(16 + content.length, requestId, OP_QUERY), content]) };
}

export interface Reply {
  opCode: number;
  responseTo: number;
  doc: Document;
}

export function parseReply(message: Buffer): Reply {
  const opCode = message.readInt32LE(12);
  const responseTo = message.readInt32LE(8);
  const at = opCode === OP_REPLY ? 36 : 21;
  const size = message.readInt32LE(at);
  return { opCode, responseTo, doc: BSON.deserialize(message.subarray(at, at + size)) };
}

/** A raw connection that collects whole reply messages. */
export class RawConnection {
  private readonly socket: net.Socket;
  private buffered = Buffer.alloc(0);
  private readonly waiting: Array<(reply: Reply | 'closed') => void> = [];
  private readonly replies: Reply[] = [];
  closed = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      for (const resolve of this.waiting.splice(0)) resolve('closed');
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    if (!this.closed) this.socket.write(bytes);
  }

  /** The next reply, or 'closed' when the server hangs up first. */
  next(): Promise<Reply | 'closed'> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.closed) return Promise.resolve('closed');
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async request(built: Built): Promise<Reply | 'closed'> {
    this.send(built.bytes);
    return this.next();
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 4) {
      const length = this.buffered.readInt32LE(0);
      if (this.buffered.length < length) return;
      const reply = parseReply(this.buffered.subarray(0, length));
      this.buffered = this.buffered.subarray(length);
      const resolve = this.waiting.shift();
      if (resolve) resolve(reply);
      else this.replies.push(reply);
    }
  }
}
