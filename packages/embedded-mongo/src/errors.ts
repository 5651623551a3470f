import type { Doc } from './types';

const CODE_NAMES: Record<number, string> = {
  1: 'InternalError',
  2: 'BadValue',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  20: 'IllegalOperation',
  26: 'NamespaceNotFound',
  27: 'IndexNotFound',
  28: 'PathNotViable',
  40: 'ConflictingUpdateOperators',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  52: 'DollarPrefixedFieldName',
  53: 'InvalidIdField',
  59: 'CommandNotFound',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  73: 'InvalidNamespace',
  76: 'NoReplicationEnabled',
  85: 'IndexOptionsConflict',
  86: 'IndexKeySpecsConflict',
  115: 'CommandNotSupported',
  121: 'DocumentValidationFailure',
  171: 'CannotIndexParallelArrays',
  197: 'InvalidIndexSpecificationOption',
  322: 'APIVersionError',
  10334: 'BSONObjectTooLarge',
  11000: 'DuplicateKey',
};

/** An error that leaves the engine as a MongoDB error reply: `{ ok: 0, errmsg, code, codeName, ...extra }`. */
export class MongoCommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Doc = {},
  ) {
    super(message);
  }

  get codeName(): string {
    return CODE_NAMES[this.code] ?? `Location${this.code}`;
  }
}

export const badValue = (message: string): MongoCommandError => new MongoCommandError(2, message);
export const typeMismatch = (message: string): MongoCommandError => new MongoCommandError(14, message);

/** The single converter: anything thrown by a command becomes an error reply without internals. */
export function toErrorReply(error: unknown): Doc {
  if (error instanceof MongoCommandError) {
    return { ok: 0, errmsg: error.message, code: error.code, codeName: error.codeName, ...error.extra };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: 0, errmsg: message, code: 2, codeName: 'BadValue' };
}

/** Shape used inside `writeErrors` arrays. */
export function toWriteError(index: number, error: unknown): Doc {
  if (error instanceof MongoCommandError) {
    return { index, code: error.code, errmsg: error.message, ...error.extra };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { index, code: 2, errmsg: message };
}
