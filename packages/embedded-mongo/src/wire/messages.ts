import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { decodeDocument } from './bsonOptions';
import {
  HEADER_BYTES,
  MAX_COMMAND_BYTES,
  MSG_CHECKSUM_PRESENT,
  MSG_MORE_TO_COME,
  MSG_REQUIRED_KNOWN,
  OP_MSG,
  OP_QUERY,
} from './constants';
import { crc32c } from './crc32c';

export interface WireRequest {
  opCode: typeof OP_MSG | typeof OP_QUERY;
  requestId: number;
  body: Doc;
  /** Database named by `$db` (OP_MSG) or by the `<db>.$cmd` namespace (OP_QUERY). */
  db: string;
  moreToCome: boolean;
}

export interface MessageHeader {
  length: number;
  requestId: number;
  opCode: number;
}

export function readHeader(message: Buffer): MessageHeader {
  return { length: message.readInt32LE(0), requestId: message.readInt32LE(4), opCode: message.readInt32LE(12) };
}

function readBsonAt(message: Buffer, offset: number, end: number): { doc: Doc; next: number } {
  if (offset + 5 > end) throw new MongoCommandError(9, 'truncated BSON document in message');
  const size = message.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new MongoCommandError(9, 'invalid BSON document length in message');
  if (size > MAX_COMMAND_BYTES) throw new MongoCommandError(10334, `BSONObj size: ${size} is invalid`);
  return { doc: decodeDocument(message.subarray(offset, offset + size)), next: offset + size };
}

function readCString(message: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = message.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new MongoCommandError(9, 'unterminated string in message');
  return { value: message.toString('utf8', offset, zero), next: zero + 1 };
}

export function parseOpMsg(message: Buffer, header: MessageHeader): WireRequest {
  if (message.length < HEADER_BYTES + 5) throw new MongoCommandError(9, 'OP_MSG too short');
  const flags = message.readUInt32LE(HEADER_BYTES);
  if ((flags & 0xffff & ~MSG_REQUIRED_KNOWN) !== 0) throw new MongoCommandError(9, 'unknown required OP_MSG flag bits');
  const hasChecksum = (flags & MSG_CHECKSUM_PRESENT) !== 0;
  const end = hasChecksum ? message.length - 4 : message.length;
  if (hasChecksum) {
    if (end < HEADER_BYTES + 5) throw new MongoCommandError(9, 'OP_MSG too short for checksum');
    if (crc32c(message, 0, end) !== message.readUInt32LE(end)) throw new MongoCommandError(9, 'OP_MSG checksum mismatch');
  }
  let body: Doc | undefined;
  const sequences: Array<[string, Doc[]]> = [];
  let offset = HEADER_BYTES + 4;
  while (offset < end) {
    const kind = message[offset];
    offset += 1;
    if (kind === 0) {
      if (body) throw new MongoCommandError(9, 'OP_MSG has more than one body section');
      const read = readBsonAt(message, offset, end);
      body = read.doc;
      offset = read.next;
      continue;
    }
    if (kind !== 1) throw new MongoCommandError(9, `unknown OP_MSG section kind ${String(kind)}`);
    if (offset + 4 > end) throw new MongoCommandError(9, 'truncated OP_MSG section');
    const sectionEnd = offset + message.readInt32LE(offset);
    if (sectionEnd > end || sectionEnd <= offset + 4) throw new MongoCommandError(9, 'invalid OP_MSG section length');
    const id = readCString(message, offset + 4, sectionEnd);
    const docs: Doc[] = [];
    let at = id.next;
    while (at < sectionEnd) {
      const read = readBsonAt(message, at, sectionEnd);
      docs.push(read.doc);
      at = read.next;
    }
    sequences.push([id.value, docs]);
    offset = sectionEnd;
  }
  if (!body) throw new MongoCommandError(9, 'OP_MSG has no body section');
  for (const [id, docs] of sequences) body[id] = docs;
  const db = typeof body.$db === 'string' ? body.$db : '';
  if (!db) throw new MongoCommandError(73, 'OP_MSG requires a $db argument');
  return { opCode: OP_MSG, requestId: header.requestId, body, db, moreToCome: (flags & MSG_MORE_TO_COME) !== 0 };
}

export function parseOpQuery(message: Buffer, header: MessageHeader): WireRequest {
  const end = message.length;
  const ns = readCString(message, HEADER_BYTES + 4, end);
  const queryAt = ns.next + 8;
  const { doc } = readBsonAt(message, queryAt, end);
  const dot = ns.value.indexOf('.');
  const db = dot > 0 ? ns.value.slice(0, dot) : '';
  if (!db || ns.value.slice(dot + 1) !== '$cmd') {
    throw new MongoCommandError(352, 'Unsupported OP_QUERY command: only <db>.$cmd commands are supported');
  }
  const body = typeof doc.$query === 'object' && doc.$query !== null ? (doc.$query as Doc) : doc;
  return { opCode: OP_QUERY, requestId: header.requestId, body, db, moreToCome: false };
}

export function encodeOpMsg(requestId: number, responseTo: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + 5 + payload.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(requestId, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(OP_MSG, 12);
  out.writeUInt32LE(0, 16);
  out.writeUInt8(0, 20);
  out.set(payload, 21);
  return out;
}

export function encodeOpReply(requestId: number, responseTo: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + 20 + payload.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(requestId, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(1, 12);
  out.writeInt32LE(8, 16);
  out.writeBigInt64LE(0n, 20);
  out.writeInt32LE(0, 28);
  out.writeInt32LE(1, 32);
  out.set(payload, 36);
  return out;
}
