import { Aggregator } from 'mingo/aggregator';
import { update as mingoUpdate } from 'mingo/updater';

import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { cloneValue } from './clone';
import { compareBson } from './compare';
import { asQueryError, mingoOptions } from './mingo';
import { UPDATE_CONTEXT } from './mingoContext';
import { checkOperatorTargets } from './updateChecks';

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate',
  '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$bit', '$setOnInsert',
]);
const PIPELINE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

export interface UpdateInput {
  arrayFilters?: Doc[];
  filter?: Doc;
  /** True when building the document an upsert inserts ($setOnInsert applies). */
  inserting: boolean;
  /** `let` variables, readable as `$$name` in a pipeline update. */
  variables?: Doc;
}

export interface UpdateOutcome {
  doc: Doc;
  modified: boolean;
}

export const isPipelineUpdate = (spec: unknown): spec is Doc[] => Array.isArray(spec);

export function isOperatorUpdate(spec: Doc): boolean {
  const first = Object.keys(spec)[0];
  return first !== undefined && first.startsWith('$');
}

export function withIdFirst(doc: Doc): Doc {
  const keys = Object.keys(doc);
  if (keys[0] === '_id' || !('_id' in doc)) return doc;
  const out: Doc = { _id: doc._id };
  for (const key of keys) if (key !== '_id') out[key] = doc[key];
  return out;
}

const immutableId = (): MongoCommandError =>
  new MongoCommandError(66, "Performing an update on the path '_id' would modify the immutable field '_id'");

function checkConflicts(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as string;
    const cur = sorted[i] as string;
    if (cur === prev || cur.startsWith(`${prev}.`)) {
      throw new MongoCommandError(40, `Updating the path '${cur}' would create a conflict at '${prev}'`);
    }
  }
}

function normaliseOperators(spec: Doc, original: Doc, inserting: boolean): Doc {
  const ops: Doc = {};
  const paths: string[] = [];
  for (const [op, args] of Object.entries(spec)) {
    if (!UPDATE_OPERATORS.has(op)) {
      throw new MongoCommandError(9, `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!isPlainObject(args)) {
      throw new MongoCommandError(9, `Modifiers operate on fields but we found type ${Array.isArray(args) ? 'array' : typeof args} instead. For example: {$mod: {<field>: ...}} not {${op}: ${String(args)}}`);
    }
    for (const [path, value] of Object.entries(args)) {
      paths.push(path);
      if (op === '$rename' && typeof value === 'string') paths.push(value);
      const touchesId = path === '_id' || path.startsWith('_id.');
      if (!touchesId || inserting || op === '$setOnInsert') continue;
      if (op === '$set' && path === '_id' && compareBson(value, original._id) === 0) continue;
      throw immutableId();
    }
    if (op === '$setOnInsert' && !inserting) continue;
    const target = op === '$setOnInsert' ? '$set' : op;
    ops[target] = { ...((ops[target] as Doc | undefined) ?? {}), ...args };
  }
  checkConflicts(paths);
  return ops;
}

function runPipeline(original: Doc, stages: Doc[], variables: Doc | undefined): Doc {
  for (const stage of stages) {
    const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
    if (!name || !PIPELINE_STAGES.has(name)) throw new MongoCommandError(72, `${name ?? 'stage'} is not allowed to be used within an update`);
  }
  let result: Doc | undefined;
  try {
    result = new Aggregator(stages, mingoOptions(undefined, variables)).run([cloneValue(original)])[0] as Doc | undefined;
  } catch (error) {
    throw asQueryError(error);
  }
  if (!result) throw new MongoCommandError(2, 'pipeline update produced no document');
  if (!('_id' in result)) return withIdFirst({ ...result, _id: original._id });
  if (original._id !== undefined && compareBson(result._id, original._id) !== 0) throw immutableId();
  return withIdFirst(result);
}

function replace(original: Doc, replacement: Doc): Doc {
  if ('_id' in replacement && original._id !== undefined && compareBson(replacement._id, original._id) !== 0) {
    throw new MongoCommandError(66, "After applying the update, the (immutable) field '_id' was found to have been altered");
  }
  const out: Doc = original._id === undefined ? {} : { _id: original._id };
  for (const [key, value] of Object.entries(replacement)) if (key !== '_id' || original._id === undefined) out[key] = value;
  return withIdFirst(out);
}

const UPDATE_OPTIONS = { ...mingoOptions(), context: UPDATE_CONTEXT };

const hasPositional = (ops: Doc): boolean =>
  Object.values(ops).some((o) => Object.keys(o as Doc).some((p) => p.endsWith('.$') || p.includes('.$.')));

/** Applies an update (operators, replacement or pipeline) to a copy of `original`. */
export function applyUpdate(original: Doc, spec: unknown, input: UpdateInput): UpdateOutcome {
  if (isPipelineUpdate(spec)) {
    const doc = runPipeline(original, spec, input.variables);
    return { doc, modified: compareBson(doc, original) !== 0 };
  }
  if (!isPlainObject(spec)) throw new MongoCommandError(9, 'update must be an object or an array');
  if (!isOperatorUpdate(spec)) {
    const doc = replace(original, spec);
    return { doc, modified: compareBson(doc, original) !== 0 };
  }
  const ops = normaliseOperators(spec, original, input.inserting);
  if (Object.keys(ops).length === 0) return { doc: original, modified: false };
  checkOperatorTargets(ops, original);
  const doc = cloneValue(original);
  const condition = hasPositional(ops) && !input.inserting ? input.filter : undefined;
  try {
    const fields = mingoUpdate(doc, ops, input.arrayFilters ?? [], condition, { queryOptions: UPDATE_OPTIONS });
    return { doc: withIdFirst(doc), modified: fields.length > 0 };
  } catch (error) {
    throw asQueryError(error);
  }
}
