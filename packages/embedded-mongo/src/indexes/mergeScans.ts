import type { Entry } from './sortedEntries';

/** k-way merge of already ordered scans (mongod's SORT_MERGE for a sorted `$in`); ties keep scan order. */
export function* mergeScans(scans: Array<Iterator<Entry>>, compare: (a: Entry, b: Entry) => number): Generator<Entry> {
  const heads = scans.map((scan) => scan.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i] as IteratorResult<Entry>;
      if (head.done) continue;
      if (best < 0 || compare(head.value, (heads[best] as IteratorYieldResult<Entry>).value) < 0) best = i;
    }
    if (best < 0) return;
    yield (heads[best] as IteratorYieldResult<Entry>).value;
    heads[best] = (scans[best] as Iterator<Entry>).next();
  }
}
