import { MongoClient, MongoServerError } from 'mongodb';
import type { Document } from 'mongodb';

import { codeOf, openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;
let seq = 0;

beforeAll(async () => {
  t = await openTestDatabase('update');
});

afterAll(async () => {
  await t.close();
});

/** A fresh collection holding one document; returns a reader for it. */
async function withDoc(doc: Document): Promise<{ name: string; read: () => Promise<Document | null> }> {
  seq += 1;
  const name = `u${seq}`;
  await t.db.collection(name).insertOne({ _id: 1, ...doc } as never);
  return { name, read: () => t.db.collection(name).findOne({ _id: 1 } as never) };
}

describe('update operators', () => {
  it('$set creates nested paths, $unset removes fields and $inc/$mul/$min/$max do arithmetic', async () => {
    const { name, read } = await withDoc({ a: 1, n: 10, low: 5, high: 5, gone: true, price: 2 });
    await t.db.collection(name).updateOne({ _id: 1 } as never, {
      $set: { 'deep.er.x': 1, a: 'one' },
      $unset: { gone: '' },
      $inc: { n: 5, fresh: 2 },
      $mul: { price: 3 },
      $min: { low: 3 },
      $max: { high: 3 },
    });
    expect(await read()).toEqual({ _id: 1, a: 'one', n: 15, low: 3, high: 5, price: 6, deep: { er: { x: 1 } }, fresh: 2 });
  });

  it('$push with $each/$slice/$sort, $addToSet, $pull, $pullAll and $pop edit arrays', async () => {
    const { name, read } = await withDoc({ scores: [5, 1], set: ['a'], drop: [1, 2, 3, 2], all: [1, 2, 3], pop: [1, 2, 3] });
    await t.db.collection(name).updateOne({ _id: 1 } as never, {
      $push: { scores: { $each: [9, 3], $sort: -1, $slice: 3 } },
      $addToSet: { set: { $each: ['a', 'b', 'b'] } },
      $pull: { drop: 2 },
      $pullAll: { all: [1, 3] },
      $pop: { pop: -1 },
    } as Document);
    expect(await read()).toEqual({ _id: 1, scores: [9, 5, 3], set: ['a', 'b'], drop: [1, 3], all: [2], pop: [2, 3] });
  });

  it('$pull with a condition removes matching subdocuments', async () => {
    const { name, read } = await withDoc({ items: [{ k: 1 }, { k: 2 }, { k: 3 }] });
    await t.db.collection(name).updateOne({ _id: 1 } as never, { $pull: { items: { k: { $gte: 2 } } } } as Document);
    expect((await read())?.items).toEqual([{ k: 1 }]);
  });

  it('$rename moves a field and $currentDate stores the server time', async () => {
    const { name, read } = await withDoc({ old: 'v' });
    const before = Date.now();
    await t.db.collection(name).updateOne({ _id: 1 } as never, { $rename: { old: 'renamed' }, $currentDate: { touched: true } });
    const doc = await read();
    expect(doc?.renamed).toBe('v');
    expect(doc && 'old' in doc).toBe(false);
    expect(doc?.touched).toBeInstanceOf(Date);
    expect((doc?.touched as Date).getTime()).toBeGreaterThanOrEqual(before - 60_000);
  });

  it('the positional $ updates the first element the filter matched', async () => {
    const { name, read } = await withDoc({ items: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }, { k: 'b', v: 3 }] });
    await t.db.collection(name).updateOne({ _id: 1, 'items.k': 'b' } as never, { $set: { 'items.$.v': 20 } });
    expect((await read())?.items).toEqual([{ k: 'a', v: 1 }, { k: 'b', v: 20 }, { k: 'b', v: 3 }]);
  });

  it('$[] updates every element and $[name] only those matching arrayFilters', async () => {
    const { name, read } = await withDoc({ grades: [{ g: 80, m: 0 }, { g: 90, m: 0 }, { g: 95, m: 0 }] });
    const c = t.db.collection(name);
    await c.updateOne({ _id: 1 } as never, { $inc: { 'grades.$[].m': 1 } });
    await c.updateOne({ _id: 1 } as never, { $set: { 'grades.$[hi].m': 9 } }, { arrayFilters: [{ 'hi.g': { $gte: 90 } }] });
    expect((await read())?.grades).toEqual([{ g: 80, m: 1 }, { g: 90, m: 9 }, { g: 95, m: 9 }]);
  });

  it('a pipeline update computes new fields from the document', async () => {
    const { name, read } = await withDoc({ a: 2, b: 3 });
    await t.db.collection(name).updateOne({ _id: 1 } as never, [{ $set: { total: { $add: ['$a', '$b'] } } }, { $unset: 'a' }]);
    expect(await read()).toEqual({ _id: 1, b: 3, total: 5 });
  });

  it('replaceOne keeps the _id and drops every other old field', async () => {
    const { name, read } = await withDoc({ a: 1, b: 2 });
    const result = await t.db.collection(name).replaceOne({ _id: 1 } as never, { c: 3 });
    expect(result.modifiedCount).toBe(1);
    expect(await read()).toEqual({ _id: 1, c: 3 });
  });
});

describe('update results and upserts', () => {
  it('reports matched and modified counts, and setting an equal value modifies nothing', async () => {
    const { name } = await withDoc({ a: 1 });
    const c = t.db.collection(name);
    const same = await c.updateOne({ _id: 1 } as never, { $set: { a: 1 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
    const changed = await c.updateOne({ _id: 1 } as never, { $set: { a: 2 } });
    expect(changed).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const none = await c.updateOne({ _id: 2 } as never, { $set: { a: 2 } });
    expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
  });

  it('updateMany changes every matching document', async () => {
    const c = t.db.collection('many');
    await c.insertMany([{ k: 1, v: 0 }, { k: 1, v: 0 }, { k: 2, v: 0 }]);
    const result = await c.updateMany({ k: 1 }, { $inc: { v: 1 } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect((await c.find({}, { projection: { _id: 0 } }).sort({ k: 1 }).toArray()).map((d) => d.v)).toEqual([1, 1, 0]);
  });

  it('an upsert inserts the filter equality fields with $set and $setOnInsert; a second one only applies $set', async () => {
    const c = t.db.collection('upserts');
    const first = await c.updateOne(
      { tenant: 't1', slug: 'x', n: { $gt: 0 } },
      { $set: { title: 'first' }, $setOnInsert: { createdBy: 'alice' } },
      { upsert: true },
    );
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).not.toBeNull();
    const second = await c.updateOne(
      { tenant: 't1', slug: 'x' },
      { $set: { title: 'second' }, $setOnInsert: { createdBy: 'bob' } },
      { upsert: true },
    );
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    const docs = await c.find({}, { projection: { _id: 0 } }).toArray();
    expect(docs).toEqual([{ tenant: 't1', slug: 'x', title: 'second', createdBy: 'alice' }]);
  });

  it('an upsert with a replacement document uses the _id of the filter', async () => {
    const c = t.db.collection('replaceUpsert');
    const result = await c.replaceOne({ _id: 'fixed' } as never, { v: 1 }, { upsert: true });
    expect(result.upsertedId).toBe('fixed');
    expect(await c.findOne({ _id: 'fixed' } as never)).toEqual({ _id: 'fixed', v: 1 });
  });

  it('an upsert with an _id $in filter creates a fresh ObjectId', async () => {
    const c = t.db.collection('inUpsert');
    await c.updateOne({ k: { $in: [1, 2] } }, { $set: { v: 1 } }, { upsert: true });
    const doc = await c.findOne({});
    expect(doc?.k).toBeUndefined();
    expect(doc?.v).toBe(1);
  });
});

describe('atomicity', () => {
  it('concurrent $inc from many connections loses no increment', async () => {
    const { name, read } = await withDoc({ n: 0 });
    const clients = await Promise.all(Array.from({ length: 5 }, () => MongoClient.connect(process.env.MCP_TEST_MONGO_URI as string)));
    try {
      await Promise.all(
        clients.flatMap((client) =>
          Array.from({ length: 40 }, () => client.db(t.db.databaseName).collection(name).updateOne({ _id: 1 } as never, { $inc: { n: 1 } })),
        ),
      );
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    expect((await read())?.n).toBe(200);
  });
});

describe('update errors', () => {
  it('changing _id is refused with ImmutableField (66) and the document is unchanged', async () => {
    const { name, read } = await withDoc({ a: 1 });
    expect(await codeOf(t.db.collection(name).updateOne({ _id: 1 } as never, { $set: { _id: 2, a: 2 } } as Document))).toBe(66);
    expect(await read()).toEqual({ _id: 1, a: 1 });
  });

  it('two operators on the same path are refused with ConflictingUpdateOperators (40)', async () => {
    const { name } = await withDoc({ a: 1 });
    expect(await codeOf(t.db.collection(name).updateOne({ _id: 1 } as never, { $set: { a: 5 }, $inc: { a: 1 } }))).toBe(40);
  });

  it('$inc on a string is refused with TypeMismatch (14)', async () => {
    const { name, read } = await withDoc({ s: 'text' });
    expect(await codeOf(t.db.collection(name).updateOne({ _id: 1 } as never, { $inc: { s: 1 } } as Document))).toBe(14);
    expect((await read())?.s).toBe('text');
  });

  it('an unknown update operator is refused with FailedToParse (9)', async () => {
    const { name } = await withDoc({ a: 1 });
    expect(await codeOf(t.db.command({ update: name, updates: [{ q: { _id: 1 }, u: { $bogus: { a: 1 } } }] }).then((r) => {
      if (r.writeErrors) throw new MongoServerError(r.writeErrors[0]);
      return r;
    }))).toBe(9);
  });
});
