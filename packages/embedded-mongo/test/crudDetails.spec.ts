import { MongoServerError } from 'mongodb';
import type { Document } from 'mongodb';

import { codeOf, openTestDatabase } from './support';
import type { TestDatabase } from './support';

/** The smaller parts of MongoDB's CRUD semantics: `_id` field names, update `sort`, error details, the session cache. */
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('crud_details');
});
afterAll(() => t.close());

describe('field names in _id', () => {
  it('refuses a $-prefixed field inside _id and stores nothing', async () => {
    const c = t.db.collection('dollar_id');
    expect(await codeOf(c.insertOne({ _id: { $a: 1 } } as Document))).toBe(53);
    expect(await codeOf(c.insertOne({ _id: { a: [{ $b: 1 }] } } as Document))).toBe(53);
    expect(await c.countDocuments()).toBe(0);
  });

  it('accepts dotted names in _id, and $-prefixed or dotted names elsewhere', async () => {
    const c = t.db.collection('dotted_id');
    await c.insertOne({ _id: { 'a.b': 1 } } as Document);
    await c.insertOne({ _id: 2, $a: 1 } as Document);
    await c.insertOne({ _id: 3, a: { $b: 1, 'c.d': 2 } } as Document);
    expect(await c.find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 2, $a: 1 }, { _id: 3, a: { $b: 1, 'c.d': 2 } }, { _id: { 'a.b': 1 } }]);
  });
});

describe('sort on updates (the server is a 7.0)', () => {
  it('refuses sort on updateOne and replaceOne, as a 7.0 server does, and changes nothing', async () => {
    const c = t.db.collection('update_sort');
    await c.insertMany([{ _id: 1, x: 1 }, { _id: 2, x: 2 }] as Document[]);
    expect(await codeOf(c.updateOne({}, { $set: { y: 1 } }, { sort: { x: -1 } }))).toBe(40415);
    expect(await codeOf(c.replaceOne({}, { y: 1 }, { sort: { x: -1 } }))).toBe(40415);
    expect(await c.countDocuments({ y: { $exists: true } })).toBe(0);
  });

  it('keeps sort on findOneAndUpdate', async () => {
    const c = t.db.collection('update_sort');
    expect(await c.findOneAndUpdate({}, { $set: { y: 1 } }, { sort: { x: -1 }, returnDocument: 'after' })).toEqual({ _id: 2, x: 2, y: 1 });
  });
});

describe('error details', () => {
  it('$merge whenMatched "fail" reports the duplicate key with keyPattern and keyValue', async () => {
    const source = t.db.collection('merge_source');
    await source.insertMany([{ _id: 1, v: 'a' }, { _id: 2, v: 'b' }] as Document[]);
    await t.db.collection('merge_target').insertOne({ _id: 2, v: 'old' } as Document);
    const error = await source
      .aggregate([{ $merge: { into: 'merge_target', whenMatched: 'fail' } }])
      .toArray()
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: 2 } });
  });
});

describe('$listLocalSessions', () => {
  it('lists the sessions clients have used, in a database-level aggregate', async () => {
    const session = t.client.startSession();
    await t.db.collection('anything').findOne({}, { session });
    const sessions = await t.client.db('admin').aggregate([{ $listLocalSessions: {} }]).toArray();
    const ids = sessions.map((s) => (s._id as { id: { toString(enc: string): string } }).id.toString('hex'));
    expect(ids).toContain(session.id?.id.toString('hex'));
    const shaped = await t.client.db('admin').aggregate([{ $listLocalSessions: {} }, { $limit: 1 }, { $addFields: { dummy: 'dummy field' } }, { $project: { _id: 0, dummy: 1 } }]).toArray();
    expect(shaped).toEqual([{ dummy: 'dummy field' }]);
    await session.endSession();
  });
});
