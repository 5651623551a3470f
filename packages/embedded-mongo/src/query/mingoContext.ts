import { Context } from 'mingo';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Iterator } from 'mingo/lazy';
import { Lazy } from 'mingo/lazy';
import type { Options } from 'mingo/types';

import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { matchesType, parseTypeSpec } from './bsonTypeAlias';

type Predicate = (doc: Doc) => boolean;

const isDigits = (s: string): boolean => /^\d+$/.test(s);

/** Leaf values at a path, arrays fanned out on the way but not at the leaf; missing leaves are skipped. */
function leafValues(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (value === undefined) return;
  if (i === parts.length) {
    out.push(value);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    if (isDigits(part)) leafValues(value[Number(part)], parts, i + 1, out);
    for (const item of value) if (isPlainObject(item)) leafValues(item, parts, i, out);
    return;
  }
  if (isPlainObject(value)) leafValues(value[part], parts, i + 1, out);
}

function $type(selector: string, spec: unknown): Predicate {
  const wanted = parseTypeSpec(spec);
  const parts = selector.split('.');
  return (doc) => {
    const leaves: unknown[] = [];
    leafValues(doc, parts, 0, leaves);
    return leaves.some((leaf) => matchesType(leaf, wanted) || (Array.isArray(leaf) && leaf.some((item) => matchesType(item, wanted))));
  };
}

function $size(selector: string, spec: unknown): Predicate {
  if (typeof spec !== 'number' || !Number.isInteger(spec)) throw new MongoCommandError(2, `Failed to parse $size. Expected an integer, but found ${typeof spec} in: ${selector}`);
  if (spec < 0) throw new MongoCommandError(2, `Failed to parse $size. Expected a non-negative number in: ${selector}`);
  const parts = selector.split('.');
  return (doc) => {
    const leaves: unknown[] = [];
    leafValues(doc, parts, 0, leaves);
    return leaves.some((leaf) => Array.isArray(leaf) && leaf.length === spec);
  };
}

/** mongod's `$count` yields no document at all for empty input (mingo's yields a zero count). */
function $count(collection: Iterator, field: unknown, options: Options): Iterator {
  const counted = (pipelineOperators.$count as (c: Iterator, e: unknown, o: Options) => Iterator)(collection, field, options).collect<Doc>();
  return Lazy(counted.filter((doc) => Object.values(doc)[0] !== 0));
}

/** All of mingo's operators, with the few that must behave like mongod replaced. */
export const ENGINE_CONTEXT = Context.init({
  accumulator: { ...accumulatorOperators },
  expression: { ...expressionOperators },
  pipeline: { ...pipelineOperators, $count } as never,
  projection: { ...projectionOperators },
  query: { ...queryOperators, $type, $size } as never,
  window: { ...windowOperators },
});

/**
 * mingo's updater copies its context's operator tables on every call; updates only need the query operators
 * (for `$pull` conditions and `arrayFilters`), so they get a small context of their own.
 */
export const UPDATE_CONTEXT = Context.init({ query: { ...queryOperators, $type, $size } as never });
