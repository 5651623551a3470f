import mongoose, { Schema } from 'mongoose';
import type { Collection, Document } from 'mongodb';

import { testDatabaseUri } from '../../../test/testDatabase';
import { codeOf, findStage, openTestDatabase } from './support';
import type { TestDatabase } from './support';

/** Collations (ICU through Intl.Collator): strength 1–3, caseLevel, numericOrdering, per command and as defaults. */
let t: TestDatabase;
let c: Collection;
const caseInsensitive = { locale: 'en_US', strength: 2 };

beforeAll(async () => {
  t = await openTestDatabase('collation');
});
beforeEach(async () => {
  c = t.db.collection(`coll_${Math.random().toString(36).slice(2)}`);
  await c.insertMany([{ _id: 1, x: 'ping' }, { _id: 2, x: 'PING' }, { _id: 3, x: 'pong' }, { _id: 4, x: 'Café' }] as Document[]);
});
afterAll(() => t.close());

const xs = (docs: Document[]): unknown[] => docs.map((d) => d.x);

describe('reads with a collation', () => {
  it('find, count and distinct compare strings case-insensitively at strength 2', async () => {
    expect(await c.find({ x: 'PING' }).toArray()).toEqual([{ _id: 2, x: 'PING' }]);
    expect(await c.find({ x: 'PING' }, { collation: caseInsensitive }).sort({ _id: 1 }).toArray()).toHaveLength(2);
    expect(await c.find({ x: { $in: ['PONG'] } }, { collation: caseInsensitive }).toArray()).toEqual([{ _id: 3, x: 'pong' }]);
    expect(await c.find({ x: { $ne: 'Ping' } }, { collation: caseInsensitive }).toArray()).toHaveLength(2);
    expect((await t.db.command({ count: c.collectionName, query: { x: 'ping' }, collation: caseInsensitive })).n).toBe(2);
    expect(await c.countDocuments({ x: 'ping' }, { collation: caseInsensitive })).toBe(2);
    expect(await c.distinct('x', { _id: { $lt: 4 } } as Document, { collation: caseInsensitive })).toHaveLength(2);
  });

  it('strength 1 ignores case and accents; caseLevel brings case back', async () => {
    expect(xs(await c.find({ x: 'cafe' }, { collation: { locale: 'fr', strength: 1 } }).toArray())).toEqual(['Café']);
    expect(await c.find({ x: 'cafe' }, { collation: { locale: 'fr', strength: 2 } }).toArray()).toEqual([]);
    expect(await c.find({ x: 'cafe' }, { collation: { locale: 'fr', strength: 1, caseLevel: true } }).toArray()).toEqual([]);
    expect(xs(await c.find({ x: 'Cafe' }, { collation: { locale: 'fr', strength: 1, caseLevel: true } }).toArray())).toEqual(['Café']);
  });

  it('numericOrdering sorts and ranges digit runs by value', async () => {
    const n = t.db.collection(`${c.collectionName}_n`);
    await n.insertMany([{ v: '10' }, { v: '9' }, { v: '2' }, { v: 'a1' }]);
    const numeric = { locale: 'en', numericOrdering: true };
    expect((await n.find({}, { projection: { _id: 0 }, collation: numeric }).sort({ v: 1 }).toArray()).map((d) => d.v)).toEqual(['2', '9', '10', 'a1']);
    expect((await n.find({}, { projection: { _id: 0 } }).sort({ v: 1 }).toArray()).map((d) => d.v)).toEqual(['10', '2', '9', 'a1']);
    expect((await n.find({ v: { $gt: '9', $lt: 'a' } }, { collation: numeric }).toArray()).map((d) => d.v)).toEqual(['10']);
  });

  it('aggregate matches, groups and sorts with it, and refuses stages it cannot collate', async () => {
    const pipeline = [{ $match: { x: 'PING' } }, { $project: { _id: 1 } }, { $sort: { _id: -1 } }];
    expect(await c.aggregate(pipeline, { collation: caseInsensitive }).toArray()).toEqual([{ _id: 2 }, { _id: 1 }]);
    const sorted = await c.aggregate([{ $project: { _id: 0, x: 1 } }, { $sort: { x: 1 } }], { collation: { locale: 'en', strength: 3 } }).toArray();
    expect(xs(sorted)).toEqual(['Café', 'ping', 'PING', 'pong']);
    const grouped = await c.aggregate([{ $group: { _id: '$x', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }], { collation: caseInsensitive }).toArray();
    expect(grouped).toEqual([{ _id: 'ping', n: 2 }, { _id: 'Café', n: 1 }, { _id: 'pong', n: 1 }]);
    expect(await c.aggregate([{ $group: { _id: '$x' } }]).toArray()).toHaveLength(4);
    const lookup = { $lookup: { from: c.collectionName, localField: 'x', foreignField: 'x', as: 'same' } };
    expect(await codeOf(c.aggregate([lookup], { collation: caseInsensitive }).toArray())).toBe(2);
    expect(await codeOf(c.find({ x: { $regex: 'p' } }, { collation: caseInsensitive }).toArray())).toBe(2);
  });
});

describe('writes with a collation', () => {
  it('updateOne, updateMany, deleteOne and deleteMany select case-insensitively', async () => {
    expect((await c.updateMany({ x: 'Ping' }, { $set: { hit: true } }, { collation: caseInsensitive })).modifiedCount).toBe(2);
    expect((await c.updateOne({ x: 'PONG' }, { $set: { hit: true } }, { collation: caseInsensitive })).modifiedCount).toBe(1);
    expect((await c.deleteOne({ x: 'PONG' }, { collation: caseInsensitive })).deletedCount).toBe(1);
    expect((await c.deleteMany({ x: 'PiNg' }, { collation: caseInsensitive })).deletedCount).toBe(2);
    expect(await c.find({}).toArray()).toEqual([{ _id: 4, x: 'Café' }]);
  });

  it('findOneAndUpdate, findOneAndReplace, findOneAndDelete and bulkWrite use it', async () => {
    expect(await c.findOneAndUpdate({ x: 'PONG' }, { $set: { y: 1 } }, { collation: caseInsensitive, returnDocument: 'after' })).toEqual({ _id: 3, x: 'pong', y: 1 });
    expect(await c.findOneAndReplace({ x: 'CAFÉ' }, { x: 'tea' }, { collation: caseInsensitive, returnDocument: 'after' })).toEqual({ _id: 4, x: 'tea' });
    expect(await c.findOneAndDelete({ x: 'PING' }, { collation: caseInsensitive, sort: { _id: -1 } })).toEqual({ _id: 2, x: 'PING' });
    const bulk = await c.bulkWrite([
      { updateMany: { filter: { x: 'PING' }, update: { $set: { z: 1 } }, collation: caseInsensitive } },
      { deleteOne: { filter: { x: 'TEA' }, collation: caseInsensitive } },
    ]);
    expect(bulk).toMatchObject({ modifiedCount: 1, deletedCount: 1 });
    expect(await c.find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, x: 'ping', z: 1 }, { _id: 3, x: 'pong', y: 1 }]);
  });
});

describe('collection and index defaults', () => {
  it('a collection default applies to queries without one, and its indexes inherit it', async () => {
    const name = `${c.collectionName}_default`;
    const d = await t.db.createCollection(name, { collation: caseInsensitive });
    await d.insertMany([{ x: 'ping' }, { x: 'PING' }]);
    expect(await d.countDocuments({ x: 'Ping' })).toBe(2);
    expect(await d.find({ x: 'Ping' }, { collation: { locale: 'simple' } }).toArray()).toEqual([]);
    const [info] = await t.db.listCollections({ name }, { nameOnly: false }).toArray();
    expect((info as Document | undefined)?.options).toMatchObject({ collation: { locale: 'en_US', strength: 2 } });
    await d.createIndex({ x: 1 });
    const index = (await d.listIndexes().toArray()).find((i) => i.name === 'x_1');
    expect(index?.collation).toMatchObject({ locale: 'en_US', strength: 2, caseLevel: false, numericOrdering: false });
  });

  it('a unique index with a collation refuses keys equal under it', async () => {
    await c.createIndex({ email: 1 }, { unique: true, collation: caseInsensitive, partialFilterExpression: { email: { $exists: true } } });
    await c.insertOne({ email: 'Alice@Example.com' });
    expect(await codeOf(c.insertOne({ email: 'alice@example.COM' }))).toBe(11000);
    await c.insertOne({ email: 'bob@example.com' });
    expect(await c.countDocuments({ email: { $exists: true } })).toBe(2);
  });

  it('a query whose collation differs from an index does not use that index', async () => {
    await c.createIndex({ x: 1 });
    await c.createIndex({ x: 1 }, { name: 'x_ci', collation: caseInsensitive });
    const simple = await c.find({ x: 'ping' }).explain('queryPlanner');
    expect(findStage(simple, 'IXSCAN')).toMatchObject({ indexName: 'x_1' });
    const collated = await c.find({ x: 'ping' }, { collation: { locale: 'de' } }).explain('queryPlanner');
    expect(findStage(collated, 'IXSCAN')).toBeUndefined();
    expect(await c.find({ x: 'ping' }, { collation: { locale: 'de' } }).toArray()).toEqual([{ _id: 1, x: 'ping' }]);
  });
});

describe('refused collations', () => {
  it('answers with MongoDB errors for invalid specs and what the engine does not support', async () => {
    const find = (collation: Document): Promise<unknown> => c.find({ x: 'a' }, { collation: collation as never }).toArray();
    expect(await codeOf(find({ locale: 'xx_NOPE' }))).toBe(2);
    expect(await codeOf(find({ strength: 2 }))).toBe(40414);
    expect(await codeOf(find({ locale: 'en', colour: 'blue' }))).toBe(40415);
    expect(await codeOf(find({ locale: 'en', strength: 9 }))).toBe(51024);
    expect(await codeOf(find({ locale: 'en', strength: 4 }))).toBe(2);
    expect(await codeOf(find({ locale: 'en', alternate: 'shifted' }))).toBe(2);
    expect(await codeOf(find({ locale: 'fr', backwards: true }))).toBe(2);
    expect(await codeOf(t.db.createCollection(`${c.collectionName}_bad`, { collation: { locale: 'en', strength: 5 } }))).toBe(2);
    expect(await codeOf(c.createIndex({ y: 1 }, { collation: { locale: 'en', alternate: 'shifted' } }))).toBe(2);
  });
});

describe('Mongoose', () => {
  it('a schema collation makes model queries and the collection case-insensitive', async () => {
    const conn = await mongoose.createConnection(testDatabaseUri('em_collation_mongoose')).asPromise();
    try {
      const schema = new Schema({ name: { type: String, required: true } }, { collation: caseInsensitive });
      const Person = conn.model('Person', schema);
      await Person.createCollection();
      await Person.create([{ name: 'Alice' }, { name: 'bob' }]);
      expect((await Person.find({ name: 'ALICE' }).lean()).map((p) => p.name)).toEqual(['Alice']);
      expect(await Person.countDocuments({ name: 'BOB' })).toBe(1);
      expect((await Person.find().sort({ name: -1 }).lean()).map((p) => p.name)).toEqual(['bob', 'Alice']);
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });
});
