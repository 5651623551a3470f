import { Aggregator } from 'mingo/aggregator';

import { MongoCommandError, typeMismatch } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { asQueryError, mingoOptions } from './mingo';

const USER_VARIABLE = /^[a-z\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/;

/**
 * A command's `let`: each value is an aggregation expression, evaluated once before the command runs (against no
 * document), and readable as `$$name` in `$expr`, pipelines and pipeline updates.
 */
export function evaluateLet(spec: unknown): Doc | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isPlainObject(spec)) throw typeMismatch(`BSON field 'let' is the wrong type '${Array.isArray(spec) ? 'array' : typeof spec}', expected type 'object'`);
  for (const name of Object.keys(spec)) {
    if (!USER_VARIABLE.test(name)) throw new MongoCommandError(2, `'${name}' starts with an invalid character for a user variable name`);
  }
  try {
    const [row] = new Aggregator([{ $replaceWith: { vars: spec } }], mingoOptions()).run([{}]) as Doc[];
    return (row?.vars as Doc | undefined) ?? {};
  } catch (error) {
    throw asQueryError(error);
  }
}
