import { Types } from 'mongoose';

/** Thrown for an `after` cursor that this service did not issue; the HTTP layer answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not valid');
    this.name = 'InvalidCursorError';
  }
}

export type CursorValue = string | number | Date | null;

interface CursorPayload {
  /** The sort field's value, when the list is sorted on something other than `_id`. */
  v?: string | number | null | { d: string };
  id: string;
}

export interface Cursor {
  value?: CursorValue;
  id: Types.ObjectId;
}

function encodeValue(value: CursorValue): CursorPayload['v'] {
  return value instanceof Date ? { d: value.toISOString() } : value;
}

function decodeValue(v: unknown): CursorValue {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v !== 'object' || typeof (v as { d?: unknown }).d !== 'string') throw new InvalidCursorError();
  const date = new Date((v as { d: string }).d);
  if (Number.isNaN(date.getTime())) throw new InvalidCursorError();
  return date;
}

/** An opaque, URL-safe cursor naming the last item of a page. */
export function encodeCursor(cursor: { value?: CursorValue; id: Types.ObjectId | string }): string {
  const payload: CursorPayload = { id: String(cursor.id) };
  if (cursor.value !== undefined) payload.v = encodeValue(cursor.value);
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof payload !== 'object' || payload === null) throw new InvalidCursorError();
  const { id, v } = payload as { id?: unknown; v?: unknown };
  if (typeof id !== 'string' || !Types.ObjectId.isValid(id) || !/^[0-9a-f]{24}$/i.test(id)) throw new InvalidCursorError();
  const cursor: Cursor = { id: new Types.ObjectId(id) };
  if ('v' in (payload as object)) cursor.value = decodeValue(v);
  return cursor;
}

export function isValidCursor(raw: string): boolean {
  try {
    decodeCursor(raw);
    return true;
  } catch {
    return false;
  }
}
