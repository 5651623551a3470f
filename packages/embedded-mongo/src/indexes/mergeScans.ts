/** k-way merge of already ordered scans (mongod's SORT_MERGE); ties keep scan order. */
export function* mergeScans<T>(scans: Array<Iterator<T>>, compare: (a: T, b: T) => number): Generator<T> {
  const heads = scans.map((scan) => scan.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i] as IteratorResult<T>;
      if (head.done) continue;
      if (best < 0 || compare(head.value, (heads[best] as IteratorYieldResult<T>).value) < 0) best = i;
    }
    if (best < 0) return;
    yield (heads[best] as IteratorYieldResult<T>).value;
    heads[best] = (scans[best] as Iterator<T>).next();
  }
}
