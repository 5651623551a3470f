import { UnsupportedMediaTypeError, ValidationError } from '@mcp-registry/api';

/** Far beyond any body the API declares (a few levels), far below what would exhaust a stack. */
export const JSON_MAX_DEPTH = 32;
/** Object keys plus array elements of one body: a 1,000-member group takes about 4,000. */
export const JSON_MAX_ENTRIES = 10_000;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Names that, as object keys, reach prototypes or shadow what every object inherits. */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const bodyProblem = (field: string, message: string) => new ValidationError('Invalid request', [{ field, location: 'body', message }]);

/** JSON travels as UTF-8 (RFC 8259 §8.1); the size check reads bytes and relies on it. */
export function assertUtf8(charset: string): void {
  if (charset.toLowerCase() !== 'utf-8') throw new UnsupportedMediaTypeError(`JSON bodies must be UTF-8, not ${charset}`);
}

/**
 * Refuses JSON text (UTF-8: no byte of a multi-byte character is ASCII) nested deeper than JSON_MAX_DEPTH or holding more than JSON_MAX_ENTRIES keys and elements,
 * in one pass over the bytes before anything parses them (parsing 1 MB of `[` costs about a second of CPU).
 */
export function assertJsonSize(text: Buffer): void {
  let depth = 0;
  let entries = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
    else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth -= 1;
    else if (byte === COMMA || byte === COLON) entries += 1;
    if (depth > JSON_MAX_DEPTH) throw bodyProblem('', `The body is nested deeper than ${JSON_MAX_DEPTH} levels`);
    if (entries > JSON_MAX_ENTRIES) throw bodyProblem('', `The body has more than ${JSON_MAX_ENTRIES} keys and elements`);
  }
}

/** The path of the first key named like a member of Object.prototype (`__proto__`, `constructor`, `toString`, …). */
export function reservedKeyPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > JSON_MAX_DEPTH) throw bodyProblem(path, `The body is nested deeper than ${JSON_MAX_DEPTH} levels`);
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && RESERVED_KEYS.has(key)) return childPath;
    const found = reservedKeyPath(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Throws a 400 naming the first reserved key of a parsed body. */
export function assertNoReservedKeys(body: unknown): void {
  const path = reservedKeyPath(body);
  if (path !== null) throw bodyProblem(path, 'A reserved name; no field is called that');
}
