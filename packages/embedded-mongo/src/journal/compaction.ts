import fs from 'node:fs';
import path from 'node:path';

import type { Catalog, Mutation } from '../storage/catalog';
import { encodeRecord } from './record';

const FLUSH_BYTES = 1 << 20;

function* snapshotRecords(catalog: Catalog): Generator<Mutation> {
  for (const [db, collections] of catalog.databases) {
    for (const collection of collections.values()) {
      yield { op: 'createCollection', db, coll: collection.name, options: collection.options, uuid: collection.uuid };
      for (const index of collection.indexes.values()) {
        if (!index.isId) yield { op: 'createIndex', db, coll: collection.name, spec: index.spec };
      }
      for (const doc of collection.docs.values()) yield { op: 'put', db, coll: collection.name, doc };
    }
  }
}

export function fsyncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the whole catalog as a snapshot: temp file, fsync, rename, fsync the directory. */
export function writeSnapshot(catalog: Catalog, target: string): void {
  const temp = `${target}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    let pending: Buffer[] = [];
    let bytes = 0;
    const flush = (): void => {
      if (pending.length === 0) return;
      const chunk = Buffer.concat(pending, bytes);
      let written = 0;
      while (written < chunk.length) written += fs.writeSync(fd, chunk, written);
      pending = [];
      bytes = 0;
    };
    for (const record of snapshotRecords(catalog)) {
      const frame = encodeRecord(record);
      pending.push(frame);
      bytes += frame.length;
      if (bytes >= FLUSH_BYTES) flush();
    }
    flush();
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  fsyncDirectory(path.dirname(target));
}
