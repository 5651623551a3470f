import type { Document } from 'mongodb';

import { openTestDatabase } from './support';
import type { TestDatabase } from './support';

/**
 * The same documents in two collections, one with many kinds of indexes and one with none: every query must
 * return the same documents in the same order whichever plan serves it.
 */
let t: TestDatabase;

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function makeDocs(count: number): Document[] {
  const next = random(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const doc: Document = { i, org: pick(['a', 'b', 'c']), n: Math.floor(next() * 50), at: new Date(1_700_000_000_000 + Math.floor(next() * 1000) * 60_000) };
    if (next() < 0.7) doc.tags = Array.from({ length: Math.floor(next() * 4) }, () => pick(['x', 'y', 'z', 'w']));
    if (next() < 0.6) doc.meta = { kind: pick(['k1', 'k2']), score: Math.floor(next() * 10) };
    if (next() < 0.5) doc.items = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ sku: pick(['s1', 's2', 's3']), qty: Math.floor(next() * 5) }));
    if (next() < 0.3) doc.opt = pick([1, 'one', null, true]);
    return doc;
  });
}

beforeAll(async () => {
  t = await openTestDatabase('planner');
  const docs = makeDocs(600);
  await t.db.collection('plain').insertMany(docs.map((d) => ({ ...d })));
  const indexed = t.db.collection('indexed');
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await indexed.createIndex({ org: 1, at: -1 });
  await indexed.createIndex({ n: 1 });
  await indexed.createIndex({ tags: 1 });
  await indexed.createIndex({ 'meta.kind': 1, 'meta.score': 1 });
  await indexed.createIndex({ 'items.sku': 1, 'items.qty': -1 });
  await indexed.createIndex({ opt: 1 }, { sparse: true });
  await indexed.createIndex({ n: -1, org: 1 }, { name: 'partial_n', partialFilterExpression: { org: 'b' } });
});
afterAll(() => t.close());

const at = (minutes: number): Date => new Date(1_700_000_000_000 + minutes * 60_000);

const cases: Array<[string, Document, Document?, number?]> = [
  ['equality on a compound prefix', { org: 'a' }],
  ['equality + range on a descending field', { org: 'b', at: { $gte: at(200), $lt: at(700) } }],
  ['range on a descending field alone', { at: { $gt: at(900) } }],
  ['$in on a prefix with a sort on the next field', { org: { $in: ['a', 'c'] } }, { at: -1, i: 1 }],
  ['equality with the sort served by the index', { org: 'c' }, { at: -1 }, 15],
  ['equality with the sort served backwards', { org: 'c' }, { at: 1 }, 15],
  ['range with exclusive bounds', { n: { $gt: 10, $lt: 20 } }, { n: 1, i: 1 }],
  ['range with inclusive bounds and a descending sort', { n: { $gte: 10, $lte: 20 } }, { n: -1, i: -1 }, 7],
  ['multikey equality', { tags: 'y' }],
  ['multikey $in', { tags: { $in: ['x', 'w'] } }],
  ['multikey range with two bounds', { tags: { $gt: 'w', $lt: 'z' } }],
  ['multikey sort', { tags: { $exists: true } }, { tags: 1, i: 1 }, 40],
  ['multikey sort descending', {}, { tags: -1, i: 1 }, 40],
  ['nested compound', { 'meta.kind': 'k1', 'meta.score': { $lte: 4 } }],
  ['array of subdocuments, compound', { 'items.sku': 's2', 'items.qty': { $gte: 3 } }],
  ['$elemMatch with an index on the array path', { items: { $elemMatch: { sku: 's1', qty: 0 } } }],
  ['sparse index equality', { opt: 'one' }],
  ['sparse index and null', { opt: null }],
  ['sort on a sparse field', {}, { opt: 1, i: 1 }, 30],
  ['partial index implied by the filter', { org: 'b', n: { $gt: 40 } }, { n: -1, i: 1 }],
  ['partial index not implied', { n: { $gt: 45 } }, { n: -1, i: 1 }],
  ['$or across indexed fields', { $or: [{ n: 3 }, { tags: 'z' }] }],
  ['$or with a sort every branch index yields', { $or: [{ org: 'a', at: { $gt: at(500) } }, { org: 'c' }] }, { at: -1, i: 1 }, 12],
  ['$or of overlapping branches', { $or: [{ n: { $lt: 10 } }, { n: { $in: [5, 6, 40] } }, { tags: 'x' }] }],
  ['$or pushed into by the rest of the conjunction', { org: 'b', $or: [{ n: { $gte: 45 } }, { 'meta.kind': 'k2' }] }, { i: -1 }],
  ['$or with a branch no index serves', { $or: [{ n: 7 }, { i: { $lt: 30 } }] }],
  ['$or inside $and beside a range', { $and: [{ $or: [{ org: 'a' }, { tags: 'w' }] }, { n: { $lt: 25 } }] }, { n: 1, i: 1 }, 9],
  ['$or on a multikey index with a sort', { $or: [{ tags: 'y' }, { 'items.sku': 's1' }] }, { i: 1 }, 20],
  ['$and of index predicates', { $and: [{ org: 'a' }, { n: { $lt: 10 } }] }],
  ['no match on an index', { n: 1000 }],
  ['empty $in', { n: { $in: [] } }],
  ['type bracketing: a number range ignores strings', { opt: { $gte: 0 } }],
  ['skip and limit over an index order', { org: 'a' }, { at: -1 }, 5],
];

describe('an indexed collection answers exactly like an unindexed one', () => {
  const rows = cases.map(([label, filter, sort, limit]) => ({ label, filter, sort: sort ?? { i: 1 }, limit: limit ?? 0 }));
  it.each(rows)('$label', async ({ filter, sort, limit }) => {
    const read = async (name: string): Promise<number[]> => {
      const cursor = t.db.collection(name).find(filter).project({ i: 1, _id: 0 });
      cursor.sort(sort);
      if (limit) cursor.skip(2).limit(limit);
      return (await cursor.toArray()).map((d) => d.i as number);
    };
    const expected = await read('plain');
    expect(await read('indexed')).toEqual(expected);
  });

  it('counts, distinct values and aggregations agree too', async () => {
    for (const name of ['plain', 'indexed']) {
      const c = t.db.collection(name);
      expect(await c.countDocuments({ org: 'a', n: { $lt: 25 } })).toBe(await t.db.collection('plain').countDocuments({ org: 'a', n: { $lt: 25 } }));
      expect(await c.distinct('tags', { org: 'b' })).toEqual(await t.db.collection('plain').distinct('tags', { org: 'b' }));
    }
    const pipeline = [{ $match: { org: 'c' } }, { $sort: { at: -1 } }, { $limit: 10 }, { $project: { _id: 0, i: 1 } }];
    expect(await t.db.collection('indexed').aggregate(pipeline).toArray()).toEqual(await t.db.collection('plain').aggregate(pipeline).toArray());
  });

  it('stays in step through updates and deletes that move documents between index keys', async () => {
    for (const name of ['plain', 'indexed']) {
      const c = t.db.collection(name);
      await c.updateMany({ org: 'a', n: { $lt: 20 } }, { $set: { org: 'b' }, $push: { tags: 'moved' } } as Document);
      await c.deleteMany({ 'items.sku': 's3', n: { $gt: 30 } });
      await c.updateMany({ tags: 'x' }, { $pull: { tags: 'x' } } as Document);
    }
    for (const filter of [{ org: 'b' }, { tags: 'moved' }, { tags: 'x' }, { 'items.sku': 's3' }, { org: 'b', n: { $gt: 40 } }]) {
      const read = async (name: string): Promise<number[]> => (await t.db.collection(name).find(filter).sort({ i: 1 }).toArray()).map((d) => d.i as number);
      expect(await read('indexed')).toEqual(await read('plain'));
    }
  });
});
