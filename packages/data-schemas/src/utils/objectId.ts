import { Types } from 'mongoose';

export type Id = string | Types.ObjectId;

const HEX24 = /^[0-9a-fA-F]{24}$/;

export function isObjectIdString(value: unknown): value is string {
  return typeof value === 'string' && HEX24.test(value);
}

/** The ObjectId for `id`, or null when it is malformed (methods then find nothing instead of throwing a CastError). */
export function toObjectId(id: Id): Types.ObjectId | null {
  if (id instanceof Types.ObjectId) return id;
  return isObjectIdString(id) ? new Types.ObjectId(id) : null;
}

/** Escapes a user-supplied string for use inside a RegExp (prefix search); NUL, which BSON refuses in a pattern, becomes `\x00`. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
}
