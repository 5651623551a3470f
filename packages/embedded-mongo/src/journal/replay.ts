import fs from 'node:fs';

import type { Catalog } from '../storage/catalog';
import { crc32c } from '../wire/crc32c';
import { decodeRecord, RECORD_HEADER_BYTES } from './record';

export class JournalCorruptError extends Error {}

export interface ReplayResult {
  records: number;
  /** Bytes of whole records; a torn tail after this offset is an unacknowledged write. */
  validBytes: number;
  tornTail: boolean;
}

/**
 * Applies every record of a journal or snapshot file. A record cut short at the very end (a crash in the
 * middle of an append that was never acknowledged) is reported as a torn tail; any other damage throws.
 */
export function replayFile(file: string, catalog: Catalog, allowTornTail: boolean): ReplayResult {
  const data = fs.readFileSync(file);
  let offset = 0;
  let records = 0;
  while (offset < data.length) {
    if (offset + RECORD_HEADER_BYTES > data.length) break;
    const length = data.readUInt32LE(offset);
    const end = offset + RECORD_HEADER_BYTES + length;
    if (end > data.length) break;
    const body = data.subarray(offset + RECORD_HEADER_BYTES, end);
    if (crc32c(body) !== data.readUInt32LE(offset + 4)) {
      throw new JournalCorruptError(`${file}: checksum mismatch in record ${records} at byte ${offset}`);
    }
    try {
      catalog.apply(decodeRecord(body));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new JournalCorruptError(`${file}: record ${records} at byte ${offset} cannot be applied: ${reason}`);
    }
    records += 1;
    offset = end;
  }
  const tornTail = offset < data.length;
  if (tornTail && !allowTornTail) throw new JournalCorruptError(`${file}: truncated at byte ${offset}`);
  return { records, validBytes: offset, tornTail };
}
