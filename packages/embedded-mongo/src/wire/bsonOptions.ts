import { BSON } from 'bson';

import type { Doc } from '../types';

const DESERIALIZE: BSON.DeserializeOptions = { promoteLongs: true, promoteValues: true, promoteBuffers: false };

export function decodeDocument(buffer: Uint8Array): Doc {
  return BSON.deserialize(buffer, DESERIALIZE) as Doc;
}

export function encodeDocument(doc: Doc): Uint8Array {
  return BSON.serialize(doc, { checkKeys: false, ignoreUndefined: false });
}
