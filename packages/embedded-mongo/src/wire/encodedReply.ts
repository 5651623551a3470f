/** A reply already in BSON (cursor batches are assembled from per-document buffers, serialised once). */
export class EncodedReply {
  constructor(readonly bytes: Uint8Array) {}
}

function cstringLength(name: string): number {
  return Buffer.byteLength(name) + 1;
}

/** `{ cursor: { <batchField>: [docs], id: NumberLong(id), ns }, ok: 1.0 }` built around pre-serialised documents. */
export function encodeCursorReply(batchField: 'firstBatch' | 'nextBatch', docs: Uint8Array[], id: bigint, ns: string): EncodedReply {
  let arrayBytes = 4 + 1;
  for (let i = 0; i < docs.length; i++) arrayBytes += 1 + cstringLength(String(i)) + (docs[i] as Uint8Array).length;
  const nsBytes = Buffer.byteLength(ns);
  const cursorBytes = 4 + (1 + cstringLength(batchField) + arrayBytes) + (1 + 3 + 8) + (1 + 3 + 4 + nsBytes + 1) + 1;
  const total = 4 + (1 + 7 + cursorBytes) + (1 + 3 + 8) + 1;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  const byte = (b: number): void => {
    out[at++] = b;
  };
  const cstring = (s: string): void => {
    at += out.write(s, at, 'utf8');
    byte(0);
  };
  out.writeInt32LE(total, at);
  at += 4;
  byte(0x03);
  cstring('cursor');
  out.writeInt32LE(cursorBytes, at);
  at += 4;
  byte(0x04);
  cstring(batchField);
  out.writeInt32LE(arrayBytes, at);
  at += 4;
  for (let i = 0; i < docs.length; i++) {
    byte(0x03);
    cstring(String(i));
    out.set(docs[i] as Uint8Array, at);
    at += (docs[i] as Uint8Array).length;
  }
  byte(0);
  byte(0x12);
  cstring('id');
  out.writeBigInt64LE(id, at);
  at += 8;
  byte(0x02);
  cstring('ns');
  out.writeInt32LE(nsBytes + 1, at);
  at += 4;
  cstring(ns);
  byte(0);
  byte(0x01);
  cstring('ok');
  out.writeDoubleLE(1, at);
  at += 8;
  byte(0);
  return new EncodedReply(out);
}
