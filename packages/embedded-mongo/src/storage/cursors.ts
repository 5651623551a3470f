import type { Projector } from '../query/project';
import type { Doc } from '../types';
import { encodeDocument } from '../wire/bsonOptions';
import { MAX_BSON_OBJECT_BYTES } from '../wire/constants';

export interface CursorState {
  id: bigint;
  ns: string;
  docs: Doc[];
  position: number;
  project: Projector | null;
  lastUsed: number;
}

/** Stored documents never change in place (updates store a new object), so their BSON can be reused. */
const encodedDocs = new WeakMap<Doc, Uint8Array>();

function encodeStored(doc: Doc): Uint8Array {
  const cached = encodedDocs.get(doc);
  if (cached) return cached;
  const encoded = encodeDocument(doc);
  encodedDocs.set(doc, encoded);
  return encoded;
}

const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
const BATCH_BYTES = MAX_BSON_OBJECT_BYTES - 64 * 1024;

/**
 * The next batch, serialised: at most `count` documents and about 16 MB, but at least one document when any
 * remain. Serialising here gives each document's size for free, and the reply reuses the bytes.
 */
export function takeBatch(docs: Doc[], position: number, count: number, project: Projector | null): { batch: Uint8Array[]; next: number } {
  const batch: Uint8Array[] = [];
  let bytes = 0;
  let i = position;
  while (i < docs.length && batch.length < count) {
    const raw = docs[i] as Doc;
    const encoded = project ? encodeDocument(project(raw)) : encodeStored(raw);
    bytes += encoded.length;
    if (bytes > BATCH_BYTES && batch.length > 0) break;
    batch.push(encoded);
    i += 1;
  }
  return { batch, next: i };
}

/** Open cursors (int64 ids) shared by all connections; idle ones expire after ten minutes like mongod's. */
export class CursorStore {
  private readonly cursors = new Map<bigint, CursorState>();
  private nextId = BigInt(Math.floor(Math.random() * 2 ** 40)) + 1n;

  open(ns: string, docs: Doc[], position: number, project: Projector | null): bigint {
    const id = this.nextId;
    this.nextId += BigInt(1 + Math.floor(Math.random() * 1000));
    this.cursors.set(id, { id, ns, docs, position, project, lastUsed: Date.now() });
    return id;
  }

  get(id: bigint): CursorState | undefined {
    const cursor = this.cursors.get(id);
    if (cursor) cursor.lastUsed = Date.now();
    return cursor;
  }

  close(id: bigint): boolean {
    return this.cursors.delete(id);
  }

  sweep(now = Date.now()): void {
    for (const [id, cursor] of this.cursors) if (now - cursor.lastUsed > IDLE_TIMEOUT_MS) this.cursors.delete(id);
  }
}
