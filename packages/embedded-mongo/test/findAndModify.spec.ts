import { MongoServerError } from 'mongodb';

import { openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('fam');
  await t.db.collection('jobs').insertMany([
    { _id: 1, state: 'queued', priority: 1 },
    { _id: 2, state: 'queued', priority: 5 },
    { _id: 3, state: 'done', priority: 9 },
  ] as never[]);
});

afterAll(async () => {
  await t.close();
});

describe('findOneAndUpdate', () => {
  it('updates the first document in sort order and returns it before or after the change', async () => {
    const c = t.db.collection('jobs');
    const before = await c.findOneAndUpdate({ state: 'queued' }, { $set: { state: 'running' } }, { sort: { priority: -1 } });
    expect(before).toEqual({ _id: 2, state: 'queued', priority: 5 });
    const after = await c.findOneAndUpdate(
      { state: 'queued' },
      { $set: { state: 'running' } },
      { sort: { priority: -1 }, returnDocument: 'after', projection: { state: 1 } },
    );
    expect(after).toEqual({ _id: 1, state: 'running' });
    expect(await c.countDocuments({ state: 'running' })).toBe(2);
  });

  it('reports updatedExisting in the result metadata, and the new _id when it upserted', async () => {
    const c = t.db.collection('meta');
    const inserted = await c.findOneAndUpdate(
      { key: 'k' },
      { $set: { v: 1 }, $setOnInsert: { created: true } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    expect(inserted.ok).toBe(1);
    expect(inserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(inserted.lastErrorObject?.upserted).toEqual(inserted.value?._id);
    expect(inserted.value).toMatchObject({ key: 'k', v: 1, created: true });
    const updated = await c.findOneAndUpdate({ key: 'k' }, { $set: { v: 2 } }, { upsert: true, includeResultMetadata: true });
    expect(updated.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
    expect(updated.lastErrorObject?.upserted).toBeUndefined();
    expect(updated.value).toMatchObject({ key: 'k', v: 1 });
    const missing = await c.findOneAndUpdate({ key: 'nope' }, { $set: { v: 3 } }, { includeResultMetadata: true });
    expect(missing.value).toBeNull();
    expect(missing.lastErrorObject).toMatchObject({ n: 0, updatedExisting: false });
  });

  it('an upsert that returns the old document returns null', async () => {
    const c = t.db.collection('upsertBefore');
    expect(await c.findOneAndUpdate({ key: 'a' }, { $set: { v: 1 } }, { upsert: true })).toBeNull();
    expect(await c.countDocuments({ key: 'a' })).toBe(1);
  });

  it('a duplicate key is a top-level error with code 11000, keyPattern and keyValue', async () => {
    const c = t.db.collection('famUnique');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertMany([{ email: 'a@example.org' }, { email: 'b@example.org' }]);
    const error = await c
      .findOneAndUpdate({ email: 'b@example.org' }, { $set: { email: 'a@example.org' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    const server = error as MongoServerError;
    expect(server.code).toBe(11000);
    expect(server.codeName).toBe('DuplicateKey');
    expect(server.keyPattern).toEqual({ email: 1 });
    expect(server.keyValue).toEqual({ email: 'a@example.org' });
    expect(server.errmsg).toBe(
      `E11000 duplicate key error collection: ${t.db.databaseName}.famUnique index: email_1 dup key: { email: "a@example.org" }`,
    );
    expect(await c.countDocuments({ email: 'b@example.org' })).toBe(1);
  });
});

describe('findOneAndDelete and findOneAndReplace', () => {
  it('deletes the first document in sort order and returns it', async () => {
    const c = t.db.collection('fifo');
    await c.insertMany([{ n: 3 }, { n: 1 }, { n: 2 }]);
    const taken = await c.findOneAndDelete({}, { sort: { n: 1 }, projection: { _id: 0 } });
    expect(taken).toEqual({ n: 1 });
    expect(await c.countDocuments()).toBe(2);
    expect(await c.findOneAndDelete({ n: 42 })).toBeNull();
  });

  it('replaces the whole document and keeps its _id', async () => {
    const c = t.db.collection('replace');
    await c.insertOne({ _id: 'r', a: 1, b: 2 } as never);
    const after = await c.findOneAndReplace({ _id: 'r' } as never, { c: 3 }, { returnDocument: 'after' });
    expect(after).toEqual({ _id: 'r', c: 3 });
  });

  it('the raw command refuses remove together with update', async () => {
    const error = await t.db
      .command({ findAndModify: 'replace', query: {}, remove: true, update: { $set: { x: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
  });
});
