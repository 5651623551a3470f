export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const HEADER_BYTES = 16;
export const MAX_MESSAGE_BYTES = 48_000_000;
export const MAX_BSON_OBJECT_BYTES = 16 * 1024 * 1024;
/** Commands may exceed the document limit slightly (mongod allows 16 KiB of command overhead). */
export const MAX_COMMAND_BYTES = MAX_BSON_OBJECT_BYTES + 16 * 1024;
export const MAX_WRITE_BATCH_SIZE = 100_000;

export const MSG_CHECKSUM_PRESENT = 1 << 0;
export const MSG_MORE_TO_COME = 1 << 1;
export const MSG_EXHAUST_ALLOWED = 1 << 16;
/** Bits 0-15 are "required": a receiver must reject unknown ones. */
export const MSG_REQUIRED_KNOWN = MSG_CHECKSUM_PRESENT | MSG_MORE_TO_COME;
