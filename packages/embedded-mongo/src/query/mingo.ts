import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';

import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { Collation } from './collation';
import { compileFastFilter } from './fastMatch';
import { ENGINE_CONTEXT } from './mingoContext';

export type Matcher = (doc: Doc) => boolean;
export type CollectionResolver = (name: string) => Doc[];

export function mingoOptions(collectionResolver?: CollectionResolver, variables?: Doc): Partial<Options> {
  return { idKey: '_id', useStrictMode: true, scriptEnabled: false, collectionResolver, context: ENGINE_CONTEXT, ...(variables ? { variables } : {}) };
}

const BASE_OPTIONS = mingoOptions();
const MATCH_ALL: Matcher = () => true;

/** Turns mingo's parse errors into mongod's BadValue replies. */
export function asQueryError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MongoCommandError(2, message);
}

/** True when a string sits anywhere in a filter (the values a collation would compare). */
export function holdsString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(holdsString);
  return isPlainObject(value) && Object.values(value).some(holdsString);
}

export function compileFilter(filter: Doc | undefined, variables?: Doc, collation?: Collation | null): Matcher {
  if (!filter || Object.keys(filter).length === 0) return MATCH_ALL;
  if (filter.$text !== undefined) throw new MongoCommandError(27, 'text index required for $text query');
  const fast = compileFastFilter(filter, collation?.compare);
  if (fast) return fast;
  if (collation && holdsString(filter)) {
    throw new MongoCommandError(2, 'with a collation, embedded-mongo compares strings only in equality, $ne, $in, $nin and range predicates (and $and / $or of them)');
  }
  try {
    const query = new Query(filter, variables ? mingoOptions(undefined, variables) : BASE_OPTIONS);
    return (doc) => query.test(doc);
  } catch (error) {
    throw asQueryError(error);
  }
}
