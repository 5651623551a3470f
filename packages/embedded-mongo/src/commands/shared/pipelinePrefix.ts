import type { SortField } from '../../query/sort';
import { parseSort } from '../../query/sort';
import type { Doc } from '../../types';
import { isPlainObject } from '../../types';
import { toNumber } from './args';
import type { ReadSpec } from './read';

const stageName = (stage: unknown): string => (isPlainObject(stage) ? (Object.keys(stage)[0] ?? '') : '');

/**
 * Splits the leading `$match`/`$sort`/`$skip`/`$limit` stages off a pipeline so the planner serves them
 * (indexes, early stop); the rest runs in mingo.
 */
export function splitPipeline(pipeline: Doc[]): { read: ReadSpec; rest: Doc[] } {
  const matches: Doc[] = [];
  let sort: SortField[] | undefined;
  let skip: number | undefined;
  let limit: number | undefined;
  let i = 0;
  for (; i < pipeline.length; i++) {
    const stage = pipeline[i] as Doc;
    const name = stageName(stage);
    const arg = stage[name];
    if (name === '$match' && sort === undefined && skip === undefined && limit === undefined && isPlainObject(arg)) {
      matches.push(arg);
      continue;
    }
    if (name === '$sort' && sort === undefined && skip === undefined && limit === undefined && isPlainObject(arg)) {
      sort = parseSort(arg);
      continue;
    }
    if (name === '$skip' && skip === undefined && limit === undefined && (toNumber(arg) ?? -1) >= 0) {
      skip = toNumber(arg);
      continue;
    }
    if (name === '$limit' && limit === undefined && (toNumber(arg) ?? 0) > 0) {
      limit = toNumber(arg);
      continue;
    }
    break;
  }
  const filter = matches.length === 0 ? undefined : matches.length === 1 ? matches[0] : { $and: matches };
  return { read: { filter, sort, skip, limit }, rest: pipeline.slice(i) };
}

const READ_ONLY_STAGES = new Set(['$match', '$sort', '$skip', '$limit', '$count', '$group', '$sortByCount', '$project', '$unwind', '$sample', '$bucket', '$bucketAuto']);

/** True when every stage only builds new objects, so stored documents can be fed to mingo without copying. */
export function isReadOnlyPipeline(pipeline: unknown[]): boolean {
  return pipeline.every((stage) => {
    const name = stageName(stage);
    const arg = (stage as Doc)[name];
    if (READ_ONLY_STAGES.has(name)) return true;
    if (name === '$facet' && isPlainObject(arg)) return Object.values(arg).every((p) => Array.isArray(p) && isReadOnlyPipeline(p));
    if (name === '$lookup' && isPlainObject(arg)) return !Array.isArray(arg.pipeline) || isReadOnlyPipeline(arg.pipeline);
    return false;
  });
}
