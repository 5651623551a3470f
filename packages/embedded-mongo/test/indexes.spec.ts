import { codeOf, findStage, openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('indexes');
});

afterAll(async () => {
  await t.close();
});

describe('index management', () => {
  it('lists created indexes with their options, and creating the same index again changes nothing', async () => {
    const c = t.db.collection('managed');
    expect(await c.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    await c.createIndex({ email: 1 }, { unique: true, sparse: true, name: 'email_unique' });
    await c.createIndex({ k: 1 }, { partialFilterExpression: { k: { $exists: true } } });
    await c.createIndex({ a: 1, b: -1 });
    const indexes = await c.listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1', 'email_unique', 'k_1']);
    expect(indexes[1]).toMatchObject({ key: { a: 1, b: -1 } });
    expect(indexes[2]).toMatchObject({ key: { email: 1 }, unique: true, sparse: true });
    expect(indexes[3]).toMatchObject({ partialFilterExpression: { k: { $exists: true } } });
  });

  it('refuses an index whose name is taken by another key pattern (86) or whose key exists under another name (85)', async () => {
    const c = t.db.collection('managed');
    expect(await codeOf(c.createIndex({ other: 1 }, { name: 'email_unique' }))).toBe(86);
    expect(await codeOf(c.createIndex({ a: 1, b: -1 }, { name: 'another_name' }))).toBe(85);
  });

  it('drops indexes by name, by key pattern and all at once, but never _id_', async () => {
    const c = t.db.collection('managed');
    await c.dropIndex('email_unique');
    await c.dropIndex({ a: 1, b: -1 } as never);
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'k_1']);
    expect(await codeOf(c.dropIndex('no_such_index'))).toBe(27);
    expect(await codeOf(c.dropIndex('_id_'))).toBe(72);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('listIndexes on a missing collection is NamespaceNotFound (26)', async () => {
    expect(await codeOf(t.db.collection('ghost').listIndexes().toArray())).toBe(26);
  });

  it('createIndexes creates the collection when it does not exist', async () => {
    await t.db.collection('implicit').createIndex({ x: 1 });
    const names = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('implicit');
  });
});

describe('query planning', () => {
  beforeAll(async () => {
    const c = t.db.collection('planned');
    await c.insertMany(
      Array.from({ length: 300 }, (_, i) => ({ orgId: i % 3, createdAt: new Date(1_700_000_000_000 + i * 1000), n: i, label: `l${i % 7}` })),
    );
    await c.createIndex({ orgId: 1, createdAt: -1 });
    await c.createIndex({ n: 1 });
  });

  const explainFind = (filter: object, sort?: object): Promise<unknown> => {
    const cursor = t.db.collection('planned').find(filter);
    if (sort) cursor.sort(sort as never);
    return cursor.explain('queryPlanner');
  };

  it('serves an equality on an indexed field from the index', async () => {
    const plan = await explainFind({ n: 42 });
    expect(findStage(plan, 'IXSCAN')).toMatchObject({ indexName: 'n_1' });
    expect(findStage(plan, 'COLLSCAN')).toBeUndefined();
  });

  it('serves $in and ranges on an index prefix from the index', async () => {
    expect(findStage(await explainFind({ n: { $in: [1, 2, 3] } }), 'IXSCAN')).toMatchObject({ indexName: 'n_1' });
    expect(findStage(await explainFind({ n: { $gte: 10, $lt: 20 } }), 'IXSCAN')).toMatchObject({ indexName: 'n_1' });
    expect(findStage(await explainFind({ orgId: 1 }), 'IXSCAN')).toMatchObject({ indexName: 'orgId_1_createdAt_-1' });
  });

  it('uses the index order for a sort that matches it, without a SORT stage', async () => {
    const plan = await explainFind({ orgId: 2, createdAt: { $lt: new Date(1_700_000_200_000) } }, { createdAt: -1 });
    expect(findStage(plan, 'IXSCAN')).toMatchObject({ indexName: 'orgId_1_createdAt_-1' });
    expect(findStage(plan, 'SORT')).toBeUndefined();
    const reversed = await explainFind({ orgId: 2 }, { createdAt: 1 });
    expect(findStage(reversed, 'SORT')).toBeUndefined();
  });

  it('scans the collection for a predicate no index covers', async () => {
    const plan = await explainFind({ label: 'l3' });
    expect(findStage(plan, 'COLLSCAN')).toBeDefined();
    expect(findStage(plan, 'IXSCAN')).toBeUndefined();
  });

  it('keyset pagination over the compound index walks consecutive, non-overlapping pages', async () => {
    const c = t.db.collection('planned');
    const seen: number[] = [];
    let after: Date | undefined;
    for (;;) {
      const filter = after ? { orgId: 1, createdAt: { $lt: after } } : { orgId: 1 };
      const page = await c.find(filter).sort({ createdAt: -1 }).limit(30).toArray();
      if (page.length === 0) break;
      seen.push(...page.map((d) => d.n as number));
      after = page[page.length - 1]?.createdAt as Date;
    }
    const expected = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 3 === 1).reverse();
    expect(seen).toEqual(expected);
  });
});

describe('keyset pagination with ties', () => {
  it('pages through (createdAt desc, _id desc) with the $or continuation form, missing and repeating nothing', async () => {
    const c = t.db.collection('keyset');
    await c.createIndex({ orgId: 1, createdAt: -1, _id: -1 });
    const docs = Array.from({ length: 157 }, (_, i) => ({ orgId: i % 2, createdAt: new Date(1_700_000_000_000 + Math.floor(i / 5) * 1000) }));
    await c.insertMany(docs);
    const expected = (await c.find({ orgId: 0 }).toArray())
      .sort((a, b) => (b.createdAt as Date).getTime() - (a.createdAt as Date).getTime() || String(b._id).localeCompare(String(a._id)))
      .map((d) => String(d._id));
    const seen: string[] = [];
    let last: { createdAt: Date; _id: unknown } | undefined;
    for (;;) {
      const filter = last
        ? { orgId: 0, $or: [{ createdAt: { $lt: last.createdAt } }, { createdAt: last.createdAt, _id: { $lt: last._id } }] }
        : { orgId: 0 };
      const page = await c.find(filter as object).sort({ createdAt: -1, _id: -1 }).limit(10).toArray();
      if (page.length === 0) break;
      seen.push(...page.map((d) => String(d._id)));
      const tail = page[page.length - 1] as { createdAt: Date; _id: unknown };
      last = { createdAt: tail.createdAt, _id: tail._id };
    }
    expect(seen).toEqual(expected);
  });
});

describe('index results', () => {
  const values: unknown[] = [null, 0, 1, 2.5, -1, 'a', 'b', '', true, false, new Date(5), [1, 'a'], [], { x: 1 }, [2, 3], 'MISSING'];
  const filters: object[] = [
    { v: 1 }, { v: { $in: [1, 'a', null] } }, { v: { $gt: 0 } }, { v: { $gte: 'a' } }, { v: { $lt: 2 } }, { v: null },
    { v: { $exists: false } }, { v: [] }, { v: [1, 'a'] }, { v: { x: 1 } }, { v: { $ne: 1 } }, { v: { $gt: 0, $lt: 2 } },
    { v: true }, { w: 2, v: { $gt: 0 } }, { w: { $in: [1, 3] }, v: 'a' }, { w: { $gte: 3 } }, { v: { $lte: new Date(10) } },
  ];

  beforeAll(async () => {
    const docs = Array.from({ length: 160 }, (_, i) => {
      const v = values[i % values.length];
      return v === 'MISSING' ? { i, w: i % 5 } : { i, w: i % 5, v };
    });
    await t.db.collection('withIndex').insertMany(docs.map((d) => ({ ...d })));
    await t.db.collection('withoutIndex').insertMany(docs.map((d) => ({ ...d })));
    await t.db.collection('withIndex').createIndex({ v: 1 });
    await t.db.collection('withIndex').createIndex({ w: 1, v: -1 });
  });

  it.each(filters.map((f) => [JSON.stringify(f), f]))('match the unindexed result for %s', async (_label, filter) => {
    const read = async (name: string): Promise<number[]> =>
      (await t.db.collection(name).find(filter as object).project({ i: 1 }).toArray()).map((d) => d.i as number).sort((a, b) => a - b);
    const expected = await read('withoutIndex');
    expect(await read('withIndex')).toEqual(expected);
  });

  it('sorted results agree with and without an index, ascending and descending', async () => {
    for (const direction of [1, -1] as const) {
      const read = async (name: string): Promise<number[]> =>
        (await t.db.collection(name).find({ w: 2 }).sort({ v: direction, i: 1 }).project({ i: 1 }).toArray()).map((d) => d.i as number);
      expect(await read('withIndex')).toEqual(await read('withoutIndex'));
    }
  });
});
