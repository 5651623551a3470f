import { openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('aggregate');
  await t.db.collection('orders').insertMany([
    { _id: 1, customer: 'ann', items: [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 1 }], total: 30 },
    { _id: 2, customer: 'bob', items: [{ sku: 'a', qty: 1 }], total: 10 },
    { _id: 3, customer: 'ann', items: [], total: 5 },
  ] as never[]);
  await t.db.collection('customers').insertMany([
    { _id: 'ann', name: 'Ann', tier: 'gold' },
    { _id: 'bob', name: 'Bob', tier: 'silver' },
  ] as never[]);
});

afterAll(async () => {
  await t.close();
});

describe('aggregate', () => {
  it('groups, sums and sorts', async () => {
    const rows = await t.db
      .collection('orders')
      .aggregate([{ $match: { total: { $gte: 5 } } }, { $group: { _id: '$customer', spent: { $sum: '$total' }, orders: { $sum: 1 } } }, { $sort: { spent: -1 } }])
      .toArray();
    expect(rows).toEqual([{ _id: 'ann', spent: 35, orders: 2 }, { _id: 'bob', spent: 10, orders: 1 }]);
  });

  it('joins with $lookup by field and by pipeline', async () => {
    const byField = await t.db
      .collection('orders')
      .aggregate([{ $match: { _id: 2 } }, { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'who' } }, { $project: { 'who.name': 1 } }])
      .toArray();
    expect(byField).toEqual([{ _id: 2, who: [{ name: 'Bob' }] }]);
    const byPipeline = await t.db
      .collection('customers')
      .aggregate([
        { $lookup: { from: 'orders', let: { c: '$_id' }, pipeline: [{ $match: { $expr: { $eq: ['$customer', '$$c'] } } }, { $count: 'n' }], as: 'stats' } },
        { $project: { _id: 1, stats: 1 } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(byPipeline).toEqual([{ _id: 'ann', stats: [{ n: 2 }] }, { _id: 'bob', stats: [{ n: 1 }] }]);
  });

  it('unwinds arrays, optionally keeping empty ones', async () => {
    const plain = await t.db.collection('orders').aggregate([{ $unwind: '$items' }, { $project: { sku: '$items.sku' } }]).toArray();
    expect(plain.map((r) => `${String(r._id)}:${String(r.sku)}`)).toEqual(['1:a', '1:b', '2:a']);
    const kept = await t.db.collection('orders').aggregate([{ $unwind: { path: '$items', preserveNullAndEmptyArrays: true } }]).toArray();
    expect(kept).toHaveLength(4);
  });

  it('runs parallel sub-pipelines with $facet', async () => {
    const [result] = await t.db
      .collection('orders')
      .aggregate([{ $facet: { count: [{ $count: 'n' }], big: [{ $match: { total: { $gt: 20 } } }, { $project: { _id: 1 } }] } }])
      .toArray();
    expect(result).toEqual({ count: [{ n: 3 }], big: [{ _id: 1 }] });
  });

  it('does not change stored documents when stages add or rewrite fields', async () => {
    await t.db.collection('orders').aggregate([{ $addFields: { total: 0, 'items.qty': 0, extra: true } }, { $unset: 'customer' }]).toArray();
    const stored = await t.db.collection('orders').findOne({ _id: 1 } as never);
    expect(stored).toEqual({ _id: 1, customer: 'ann', items: [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 1 }], total: 30 });
  });

  it('writes the result into a collection with $out', async () => {
    await t.db.collection('orders').aggregate([{ $group: { _id: '$customer', n: { $sum: 1 } } }, { $out: 'perCustomer' }]).toArray();
    const rows = await t.db.collection('perCustomer').find().sort({ _id: 1 }).toArray();
    expect(rows).toEqual([{ _id: 'ann', n: 2 }, { _id: 'bob', n: 1 }]);
    await t.db.collection('orders').aggregate([{ $match: { customer: 'bob' } }, { $group: { _id: '$customer', n: { $sum: 1 } } }, { $out: 'perCustomer' }]).toArray();
    expect(await t.db.collection('perCustomer').find().toArray()).toEqual([{ _id: 'bob', n: 1 }]);
  });

  it('returns results longer than one batch through getMore', async () => {
    const c = t.db.collection('series');
    await c.insertMany(Array.from({ length: 330 }, (_, i) => ({ i })));
    const rows = await c.aggregate([{ $sort: { i: -1 } }, { $project: { _id: 0, i: 1 } }], { batchSize: 40 }).toArray();
    expect(rows).toHaveLength(330);
    expect(rows[0]).toEqual({ i: 329 });
    expect(rows[329]).toEqual({ i: 0 });
  });

  it('$count over no documents returns no row at all', async () => {
    expect(await t.db.collection('series').aggregate([{ $match: { i: -1 } }, { $count: 'n' }]).toArray()).toEqual([]);
    expect(await t.db.collection('nothing').aggregate([{ $count: 'n' }]).toArray()).toEqual([]);
  });

  it('countDocuments runs as an aggregation and honours skip and limit', async () => {
    const c = t.db.collection('series');
    expect(await c.countDocuments({ i: { $lt: 100 } })).toBe(100);
    expect(await c.countDocuments({ i: { $lt: 100 } }, { skip: 95 })).toBe(5);
    expect(await c.countDocuments({}, { limit: 7 })).toBe(7);
  });
});
