import { UUID } from 'bson';

import type { IndexSpec } from '../indexes/index';
import type { Mutation } from '../storage/catalog';
import type { Doc } from '../types';
import { decodeDocument, encodeDocument } from '../wire/bsonOptions';
import { crc32c } from '../wire/crc32c';

/** Record framing: uint32 body length, uint32 CRC-32C of the body, then the BSON body. */
export const RECORD_HEADER_BYTES = 8;

function toDocument(m: Mutation): Doc {
  if (m.op === 'createCollection') return { ...m, uuid: m.uuid.toHexString() };
  return m as unknown as Doc;
}

export function encodeRecord(m: Mutation): Buffer {
  const body = encodeDocument(toDocument(m));
  const frame = Buffer.allocUnsafe(RECORD_HEADER_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32c(body), 4);
  frame.set(body, RECORD_HEADER_BYTES);
  return frame;
}

const str = (doc: Doc, key: string): string => {
  const value = doc[key];
  if (typeof value !== 'string') throw new Error(`record field ${key} is not a string`);
  return value;
};

export function decodeRecord(body: Uint8Array): Mutation {
  const doc = decodeDocument(body);
  const op = str(doc, 'op');
  switch (op) {
    case 'put':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll'), doc: doc.doc as Doc };
    case 'delete':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll'), id: doc.id };
    case 'createCollection':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll'), options: (doc.options as Doc) ?? {}, uuid: new UUID(str(doc, 'uuid')) };
    case 'dropCollection':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll') };
    case 'createIndex':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll'), spec: doc.spec as IndexSpec };
    case 'dropIndex':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll'), name: str(doc, 'name') };
    case 'dropDatabase':
      return { op, db: str(doc, 'db') };
    case 'renameCollection':
      return { op, db: str(doc, 'db'), coll: str(doc, 'coll'), toDb: str(doc, 'toDb'), toColl: str(doc, 'toColl') };
    default:
      throw new Error(`unknown record type ${op}`);
  }
}
