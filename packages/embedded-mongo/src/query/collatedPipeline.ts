import { Aggregator } from 'mingo/aggregator';
import type { Options } from 'mingo/types';

import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { Collation } from './collation';
import { holdsString } from './mingo';

/** The value with every string replaced by its collation equality key (so equal-under-collation keys are equal). */
function keyOf(value: unknown, collation: Collation): unknown {
  if (typeof value === 'string') return collation.equalityKey(value);
  if (Array.isArray(value)) return value.map((item) => keyOf(item, collation));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyOf(v, collation)]));
  return value;
}

/**
 * `$group` under a collation: documents whose `_id` expressions are equal under the collation form one group (its
 * `_id` is the first member's), and the accumulators run over each group.
 */
function collatedGroup(docs: Doc[], spec: Doc, collation: Collation, options: Partial<Options>): Doc[] {
  const { _id: idExpression, ...accumulators } = spec;
  const ids = new Aggregator([{ $project: { _id: 0, id: idExpression ?? null } }], options).run(docs) as Doc[];
  const groups = new Map<string, { id: unknown; members: Doc[] }>();
  docs.forEach((doc, i) => {
    const id = ids[i]?.id ?? null;
    const key = JSON.stringify(keyOf(id, collation)) ?? 'null';
    const group = groups.get(key) ?? { id, members: [] };
    group.members.push(doc);
    groups.set(key, group);
  });
  return [...groups.values()].map(({ id, members }) => {
    const [row] = new Aggregator([{ $group: { _id: null, ...accumulators } }], options).run(members) as Doc[];
    return { ...row, _id: id };
  });
}

/** Stages that compare no strings of their own, or (`$sort`) compare them in the collation's order. */
const COLLATION_SAFE = new Set(['$project', '$addFields', '$set', '$unset', '$limit', '$skip', '$sort', '$count', '$replaceRoot', '$replaceWith', '$unwind', '$sample']);

export function checkCollatedStages(rest: Doc[]): void {
  for (const stage of rest) {
    const name = Object.keys(stage)[0] ?? '';
    if (COLLATION_SAFE.has(name) || name === '$group' || (name === '$match' && !holdsString(stage.$match))) continue;
    throw new MongoCommandError(2, `with a collation, embedded-mongo cannot run ${name} after the pipeline's leading $match / $sort / $skip / $limit`);
  }
}

/** Runs a pipeline in mingo, except its `$group` stages, which group by keys equal under the collation. */
export function runCollated(input: Doc[], stages: Doc[], collation: Collation, options: Partial<Options>): Doc[] {
  let docs = input;
  let pending: Doc[] = [];
  const flush = (): void => {
    if (pending.length > 0) docs = new Aggregator(pending, options).run(docs) as Doc[];
    pending = [];
  };
  for (const stage of stages) {
    if (!isPlainObject(stage.$group)) {
      pending.push(stage);
      continue;
    }
    flush();
    docs = collatedGroup(docs, stage.$group, collation, options);
  }
  flush();
  return docs;
}

