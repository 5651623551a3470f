import type { Index } from './index';
import type { Bound } from './sortedEntries';

const MAX_DIVES = 50;

/** Index entries a scan of these intervals visits, counted on the index (the first 50 intervals, extrapolated). */
export function estimateEntries(index: Index, intervals: Array<{ low: Bound; high: Bound }>, idPoints: unknown[] | null): number {
  if (idPoints) return idPoints.length;
  const dives = intervals.length <= MAX_DIVES ? intervals : intervals.slice(0, MAX_DIVES);
  let total = 0;
  for (const interval of dives) total += index.entries.count(interval.low, interval.high);
  return dives.length === intervals.length ? total : (total * intervals.length) / dives.length;
}
