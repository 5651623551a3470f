import type { SortField } from '../query/sort';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { Index } from './index';
import type { Candidate, QueryPlan } from './planner';
import { bestIndexPlan } from './planner';
import { extractPredicates } from './predicates';

interface OrSplit {
  branches: Doc[];
  rest: Doc[];
}

/** The first `$or` of a filter's top-level conjunction (looking through `$and`), and the conjunction's other parts. */
function splitOr(filter: Doc): OrSplit | null {
  let branches: Doc[] | null = null;
  const rest: Doc[] = [];
  const walk = (part: Doc): void => {
    for (const [key, value] of Object.entries(part)) {
      const parts = Array.isArray(value) && value.length > 0 && value.every(isPlainObject) ? (value as Doc[]) : null;
      if (key === '$and' && parts) parts.forEach(walk);
      else if (key === '$or' && parts && !branches) branches = parts;
      else rest.push({ [key]: value });
    }
  };
  walk(filter);
  return branches ? { branches, rest } : null;
}

/** The branch's own predicates must bound the scan, or the branch is not served by an index. */
function boundsBranch(branch: Doc): (candidate: Candidate) => boolean {
  const own = extractPredicates(branch);
  return ({ plan, constrained }) => (plan.index?.fields.slice(0, constrained) ?? []).some((field) => own.has(field.path));
}

/**
 * mongod's OR stage: each branch of a `$or` (with the rest of the conjunction pushed into it) scans an index of
 * its own; the scans are merged on the sort when every one of them yields it. One branch that no index bounds
 * makes the union impossible.
 */
export function planUnion(indexes: Index[], filter: Doc, sort: SortField[]): { plan: QueryPlan; cost: number } | null {
  const split = splitOr(filter);
  if (!split) return null;
  const branches: QueryPlan[] = [];
  let cost = 0;
  for (const branch of split.branches) {
    const pushed = split.rest.length > 0 ? { $and: [...split.rest, branch] } : branch;
    const candidate = bestIndexPlan(indexes, pushed, sort, boundsBranch(branch));
    if (!candidate) return null;
    branches.push(candidate.plan);
    cost += candidate.cost;
  }
  const merge = sort.length > 0 && branches.every((b) => b.servesSort && !b.index?.multikey);
  const plan: QueryPlan = {
    index: null,
    intervals: [],
    reverse: false,
    servesSort: sort.length === 0 || merge,
    idPoints: null,
    union: { branches, mergeOn: merge ? sort : null },
  };
  return { plan, cost };
}
