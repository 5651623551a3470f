import type { SortField } from '../query/sort';
import type { Doc } from '../types';
import type { Index } from './index';
import type { QueryPlan } from './planner';
import { bestIndexPlan, COLLSCAN, hintedPlan, SORT_PENALTY } from './planner';
import { planUnion } from './unionPlan';

/**
 * Chooses the cheapest way to find a filter's candidates: the index whose intervals hold the fewest entries, an
 * index union for a `$or` whose branches are each indexed, or a scan of the collection's `size` documents.
 */
export function planQuery(indexes: Index[], filter: Doc | undefined, sort: SortField[], size: number, hint?: Index): QueryPlan {
  const f = filter ?? {};
  if (hint) return hintedPlan(hint, f, sort);
  if (sort[0]?.path === '$natural') return COLLSCAN;
  const single = bestIndexPlan(indexes, f, sort);
  const union = planUnion(indexes, f, sort);
  const scanCost = sort.length > 0 ? size * SORT_PENALTY : size;
  if (union && union.cost < Math.min(single?.cost ?? Infinity, scanCost)) return union.plan;
  return single?.plan ?? COLLSCAN;
}
