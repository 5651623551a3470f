import { Long, ObjectId } from 'mongodb';
import type { Collection, Document } from 'mongodb';

import { openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;
let seq = 0;
const fresh = (): Collection<Document> => t.db.collection(`c${++seq}`);

beforeAll(async () => {
  t = await openTestDatabase('crud');
});
afterAll(() => t.close());

describe('insert and find', () => {
  it('stores documents with _id first and returns them in insertion order', async () => {
    const c = fresh();
    await c.insertOne({ name: 'a', _id: 'x1' } as Document);
    await c.insertMany([{ name: 'b' }, { name: 'c' }]);
    const docs = await c.find().toArray();
    expect(docs.map((d) => d.name)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(docs[0] as Document)).toEqual(['_id', 'name']);
    expect(docs[1]?._id).toBeInstanceOf(ObjectId);
  });

  it('keeps BSON types: dates, ObjectIds, longs, nested documents and arrays', async () => {
    const c = fresh();
    const when = new Date('2024-05-01T10:00:00Z');
    const ref = new ObjectId();
    await c.insertOne({ when, ref, big: Long.fromString('9007199254740993'), nested: { a: [1, { b: 'x' }] } });
    const doc = await c.findOne({}, { promoteLongs: false });
    expect(doc?.when).toEqual(when);
    expect(doc?.ref.equals(ref)).toBe(true);
    expect(String(doc?.big)).toBe('9007199254740993');
    expect(doc?.nested).toEqual({ a: [1, { b: 'x' }] });
  });

  it('sorts, skips and limits, with ties broken by nothing but stable input', async () => {
    const c = fresh();
    await c.insertMany([3, 1, 2, 5, 4].map((n) => ({ n, parity: n % 2 })));
    expect((await c.find().sort({ n: -1 }).skip(1).limit(2).toArray()).map((d) => d.n)).toEqual([4, 3]);
    expect((await c.find({ n: { $gte: 2 } }).sort({ parity: 1, n: 1 }).toArray()).map((d) => d.n)).toEqual([2, 4, 3, 5]);
  });

  it('sorts mixed types in BSON order and arrays by their smallest element ascending', async () => {
    const c = fresh();
    await c.insertMany([{ v: 'b' }, { v: 2 }, { v: null }, { v: [5, 0] }, { v: new Date(0) }, { v: true }, {}]);
    const order = (await c.find({}, { projection: { _id: 0 } }).sort({ v: 1 }).toArray()).map((d) => d.v);
    expect(order.slice(0, 2).map((v) => v ?? null)).toEqual([null, null]);
    expect(order.slice(2)).toEqual([[5, 0], 2, 'b', true, new Date(0)]);
  });

  it('projects inclusions in stored field order and supports exclusions, nested paths and $slice', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1, z: 1, a: { x: 1, y: 2 }, m: 3, list: [1, 2, 3, 4] } as Document);
    expect(Object.keys((await c.findOne({}, { projection: { m: 1, z: 1 } })) as Document)).toEqual(['_id', 'z', 'm']);
    expect(await c.findOne({}, { projection: { 'a.y': 1, _id: 0 } })).toEqual({ a: { y: 2 } });
    expect(await c.findOne({}, { projection: { a: 0, list: 0 } })).toEqual({ _id: 1, z: 1, m: 3 });
    expect((await c.findOne({}, { projection: { list: { $slice: 2 } } }))?.list).toEqual([1, 2]);
  });

  it('matches with query operators: $in, $nin, $exists, $regex, $elemMatch, $or, $expr, dotted paths into arrays', async () => {
    const c = fresh();
    await c.insertMany([
      { n: 1, tags: ['a', 'b'], items: [{ k: 1, v: 'x' }], name: 'Alpha' },
      { n: 2, tags: ['b'], items: [{ k: 2, v: 'y' }], name: 'beta' },
      { n: 3, name: 'Gamma', extra: true },
    ]);
    const ns = async (filter: Document): Promise<number[]> => (await c.find(filter).sort({ n: 1 }).toArray()).map((d) => d.n as number);
    expect(await ns({ tags: 'b' })).toEqual([1, 2]);
    expect(await ns({ n: { $in: [1, 3] } })).toEqual([1, 3]);
    expect(await ns({ n: { $nin: [1, 3] } })).toEqual([2]);
    expect(await ns({ extra: { $exists: false } })).toEqual([1, 2]);
    expect(await ns({ name: { $regex: '^a', $options: 'i' } })).toEqual([1]);
    expect(await ns({ items: { $elemMatch: { k: 2, v: 'y' } } })).toEqual([2]);
    expect(await ns({ 'items.k': 1 })).toEqual([1]);
    expect(await ns({ $or: [{ n: 1 }, { extra: true }] })).toEqual([1, 3]);
    expect(await ns({ $expr: { $gt: ['$n', 1] } })).toEqual([2, 3]);
    expect(await ns({ missing: null })).toEqual([1, 2, 3]);
  });

  it('hands out more than 101 documents through getMore and honours batchSize', async () => {
    const c = fresh();
    await c.insertMany(Array.from({ length: 350 }, (_, i) => ({ i })));
    expect((await c.find().toArray()).map((d) => d.i)).toEqual(Array.from({ length: 350 }, (_, i) => i));
    const cursor = c.find({}, { batchSize: 50 });
    let seen = 0;
    for await (const doc of cursor) {
      expect(doc.i).toBe(seen);
      seen += 1;
    }
    expect(seen).toBe(350);
  });

  it('answers getMore on an unknown cursor with CursorNotFound and kills open cursors', async () => {
    const c = fresh();
    await c.insertMany(Array.from({ length: 20 }, (_, i) => ({ i })));
    const first = await t.db.command({ find: c.collectionName, batchSize: 5 });
    const id = first.cursor.id as Long;
    expect(first.cursor.firstBatch).toHaveLength(5);
    const killed = await t.db.command({ killCursors: c.collectionName, cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    await expect(t.db.command({ getMore: id, collection: c.collectionName })).rejects.toMatchObject({ code: 43 });
  });

  it('counts and lists distinct values, flattening arrays', async () => {
    const c = fresh();
    await c.insertMany([{ t: ['x', 'y'], n: 1 }, { t: 'x', n: 2 }, { t: 'z', n: 3 }, { n: 4 }]);
    expect(await c.countDocuments({ n: { $gt: 1 } })).toBe(3);
    expect(await c.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await c.estimatedDocumentCount()).toBe(4);
    expect((await c.distinct('t')).sort()).toEqual(['x', 'y', 'z']);
    expect(await c.distinct('n', { t: 'x' })).toEqual([1, 2]);
  });

  it('reads an empty result from a collection that does not exist', async () => {
    expect(await t.db.collection('never_created').find({ a: 1 }).toArray()).toEqual([]);
    expect(await t.db.collection('never_created').countDocuments()).toBe(0);
  });
});

describe('update', () => {
  it('applies field operators and reports matched and modified counts', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1, n: 1, arr: [1, 2], o: { a: 1 } } as Document);
    const r = await c.updateOne({ _id: 1 } as Document, {
      $inc: { n: 2 },
      $push: { arr: { $each: [3, 4], $slice: -3 } },
      $set: { 'o.b': 2 },
      $unset: { 'o.a': '' },
      $currentDate: { at: true },
    } as Document);
    expect(r).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const doc = await c.findOne({ _id: 1 } as Document);
    expect(doc).toMatchObject({ n: 3, arr: [2, 3, 4], o: { b: 2 } });
    expect(doc?.at).toBeInstanceOf(Date);
    const same = await c.updateOne({ _id: 1 } as Document, { $set: { n: 3 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('updates many, the positional $ operator and arrayFilters', async () => {
    const c = fresh();
    await c.insertMany([
      { g: 1, items: [{ k: 'a', q: 1 }, { k: 'b', q: 1 }] },
      { g: 1, items: [{ k: 'b', q: 5 }] },
    ]);
    expect((await c.updateMany({ g: 1 }, { $inc: { v: 1 } })).modifiedCount).toBe(2);
    await c.updateOne({ 'items.k': 'b', g: 1 }, { $set: { 'items.$.q': 9 } });
    await c.updateMany({}, { $inc: { 'items.$[it].q': 100 } }, { arrayFilters: [{ 'it.k': 'a' }] });
    const docs = await c.find().toArray();
    expect(docs[0]?.items).toEqual([{ k: 'a', q: 101 }, { k: 'b', q: 9 }]);
    expect(docs[1]?.items).toEqual([{ k: 'b', q: 5 }]);
  });

  it('replaces a document keeping its _id and refuses to change _id', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'r', a: 1 } as Document);
    await c.replaceOne({ _id: 'r' } as Document, { b: 2 });
    expect(await c.findOne({ _id: 'r' } as Document)).toEqual({ _id: 'r', b: 2 });
    await expect(c.updateOne({ _id: 'r' } as Document, { $set: { _id: 'other' } })).rejects.toMatchObject({ code: 66 });
  });

  it('runs pipeline updates', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1, a: 2, b: 3 } as Document);
    await c.updateOne({ _id: 1 } as Document, [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'b' }]);
    expect(await c.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, a: 2, sum: 5 });
  });

  it('upserts from the filter equality fields and applies $setOnInsert only on insert', async () => {
    const c = fresh();
    const first = await c.updateOne({ key: 'k', 'meta.kind': 'x' }, { $set: { v: 1 }, $setOnInsert: { created: 1 } }, { upsert: true });
    expect(first.upsertedCount).toBe(1);
    const second = await c.updateOne({ key: 'k', 'meta.kind': 'x' }, { $set: { v: 2 }, $setOnInsert: { created: 2 } }, { upsert: true });
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    const doc = await c.findOne({ key: 'k' });
    expect(doc).toMatchObject({ key: 'k', meta: { kind: 'x' }, v: 2, created: 1 });
    expect(doc?._id.equals(first.upsertedId)).toBe(true);
  });

  it('rejects conflicting operators on one path and unknown operators', async () => {
    const c = fresh();
    await c.insertOne({ a: 1 });
    await expect(c.updateOne({}, { $set: { a: 2 }, $inc: { a: 1 } })).rejects.toMatchObject({ code: 40 });
    await expect(c.updateOne({}, { $bogus: { a: 1 } } as Document)).rejects.toMatchObject({ code: 9 });
  });
});

describe('findAndModify and delete', () => {
  it('returns the document before or after, honours sort, projection and upsert metadata', async () => {
    const c = fresh();
    await c.insertMany([{ q: 1, n: 1 }, { q: 1, n: 2 }]);
    const before = await c.findOneAndUpdate({ q: 1 }, { $inc: { n: 10 } }, { sort: { n: -1 }, includeResultMetadata: true });
    expect(before.value?.n).toBe(2);
    expect(before.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
    const after = await c.findOneAndUpdate({ q: 1 }, { $inc: { n: 1 } }, { sort: { n: 1 }, returnDocument: 'after', projection: { _id: 0, n: 1 } });
    expect(after).toEqual({ n: 2 });
    const inserted = await c.findOneAndUpdate({ q: 2 }, { $set: { n: 0 } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
    expect(inserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(inserted.lastErrorObject?.upserted).toBeInstanceOf(ObjectId);
    const missing = await c.findOneAndUpdate({ q: 3 }, { $set: { n: 0 } }, { includeResultMetadata: true });
    expect(missing.value).toBeNull();
    expect(missing.lastErrorObject).toMatchObject({ n: 0, updatedExisting: false });
  });

  it('removes with findOneAndDelete, deleteOne and deleteMany', async () => {
    const c = fresh();
    await c.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    expect((await c.findOneAndDelete({ n: { $gt: 1 } }, { sort: { n: -1 } }))?.n).toBe(4);
    expect((await c.deleteOne({ n: { $gt: 0 } })).deletedCount).toBe(1);
    expect((await c.deleteMany({ n: { $gt: 0 } })).deletedCount).toBe(2);
    expect(await c.countDocuments()).toBe(0);
  });

  it('executes bulkWrite with mixed operations', async () => {
    const c = fresh();
    const r = await c.bulkWrite([
      { insertOne: { document: { _id: 1, v: 1 } } },
      { updateOne: { filter: { _id: 1 }, update: { $set: { v: 2 } } } },
      { updateOne: { filter: { _id: 2 }, update: { $set: { v: 3 } }, upsert: true } },
      { deleteOne: { filter: { _id: 1 } } },
    ] as never);
    expect(r).toMatchObject({ insertedCount: 1, matchedCount: 1, modifiedCount: 1, upsertedCount: 1, deletedCount: 1 });
    expect(await c.find().toArray()).toEqual([{ _id: 2, v: 3 }]);
  });
});
