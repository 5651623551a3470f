/** The `_bsontype` tag bson classes carry, or undefined for plain JS values. */
export function bsonTypeOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** Key stored for an empty array at an indexed path; sorts before null like mongod's `undefined` key. */
export const EMPTY_ARRAY_KEY: unique symbol = Symbol('emptyArray');

/** Edge of one BSON type class, used for range bounds ("all numbers greater than 5"). */
export class TypeBound {
  constructor(
    readonly rank: number,
    readonly side: -1 | 1,
  ) {}
}
