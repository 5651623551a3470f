import { MongoServerError } from 'mongodb';

import { openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('unique');
});

afterAll(async () => {
  await t.close();
});

async function duplicateOf(promise: Promise<unknown>): Promise<MongoServerError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(MongoServerError);
  expect((error as MongoServerError).code).toBe(11000);
  return error as MongoServerError;
}

describe('unique indexes', () => {
  it('refuses a second document with the same key, naming collection, index and key like mongod', async () => {
    const c = t.db.collection('users');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: 'a@example.org' });
    const error = await duplicateOf(c.insertOne({ email: 'a@example.org' }));
    expect(error.errmsg).toBe(`E11000 duplicate key error collection: ${t.db.databaseName}.users index: email_1 dup key: { email: "a@example.org" }`);
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: 'a@example.org' });
    expect(await c.countDocuments()).toBe(1);
  });

  it('refuses an update that would create a duplicate, leaving the document as it was', async () => {
    const c = t.db.collection('users');
    await c.insertOne({ email: 'b@example.org' });
    const error = await duplicateOf(c.updateOne({ email: 'b@example.org' }, { $set: { email: 'a@example.org' } }));
    expect(error.keyValue).toEqual({ email: 'a@example.org' });
    expect(await c.countDocuments({ email: 'b@example.org' })).toBe(1);
  });

  it('a compound unique index only refuses the full combination', async () => {
    const c = t.db.collection('members');
    await c.createIndex({ orgId: 1, userId: 1 }, { unique: true, name: 'org_user' });
    await c.insertMany([{ orgId: 1, userId: 1 }, { orgId: 1, userId: 2 }, { orgId: 2, userId: 1 }]);
    const error = await duplicateOf(c.insertOne({ orgId: 1, userId: 2 }));
    expect(error.keyPattern).toEqual({ orgId: 1, userId: 1 });
    expect(error.keyValue).toEqual({ orgId: 1, userId: 2 });
    expect(error.errmsg).toContain('index: org_user dup key: { orgId: 1, userId: 2 }');
  });

  it('treats a missing field as null, so only one document may lack it', async () => {
    const c = t.db.collection('nulls');
    await c.createIndex({ code: 1 }, { unique: true });
    await c.insertOne({ other: 1 });
    const error = await duplicateOf(c.insertOne({ other: 2 }));
    expect(error.keyValue).toEqual({ code: null });
  });

  it('a sparse unique index ignores documents without the field', async () => {
    const c = t.db.collection('sparse');
    await c.createIndex({ code: 1 }, { unique: true, sparse: true });
    await c.insertMany([{ other: 1 }, { other: 2 }, { code: 'x' }]);
    await duplicateOf(c.insertOne({ code: 'x' }));
    expect(await c.countDocuments()).toBe(3);
  });

  it('a partial unique index only applies to documents matching its filter', async () => {
    const c = t.db.collection('partial');
    await c.createIndex(
      { catalogId: 1, ownerId: 1 },
      { unique: true, partialFilterExpression: { scope: 'personal' } },
    );
    await c.insertMany([
      { catalogId: 1, ownerId: 1, scope: 'personal' },
      { catalogId: 1, ownerId: 1, scope: 'team' },
      { catalogId: 1, ownerId: 1, scope: 'team' },
    ]);
    await duplicateOf(c.insertOne({ catalogId: 1, ownerId: 1, scope: 'personal' }));
    await duplicateOf(c.updateOne({ scope: 'team' }, { $set: { scope: 'personal' } }));
    expect(await c.countDocuments({ scope: 'personal' })).toBe(1);
  });

  it('a multikey unique index compares every array element across documents', async () => {
    const c = t.db.collection('multikey');
    await c.createIndex({ tags: 1 }, { unique: true });
    await c.insertOne({ tags: ['a', 'b', 'b'] });
    await c.insertOne({ tags: ['c'] });
    const error = await duplicateOf(c.insertOne({ tags: ['d', 'b'] }));
    expect(error.keyValue).toEqual({ tags: 'b' });
  });

  it('building a unique index over existing duplicates fails and leaves no index behind', async () => {
    const c = t.db.collection('preexisting');
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    await duplicateOf(c.createIndex({ k: 1 }, { unique: true }));
    const names = (await c.listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(['_id_']);
  });

  it('refuses a compound index over two array fields with CannotIndexParallelArrays (171)', async () => {
    const c = t.db.collection('parallel');
    await c.createIndex({ a: 1, b: 1 });
    const error = await c.insertOne({ a: [1, 2], b: [3, 4] }).catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(171);
    expect(await c.countDocuments()).toBe(0);
  });

  it('twenty parallel upserts on one unique key leave exactly one document', async () => {
    const c = t.db.collection('race');
    await c.createIndex({ slug: 1 }, { unique: true });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        c.findOneAndUpdate({ slug: 'same' }, { $setOnInsert: { winner: i }, $inc: { hits: 1 } }, { upsert: true, returnDocument: 'after' }),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled').length;
    const rejected = results.filter((r) => r.status === 'rejected');
    for (const r of rejected) expect((r.reason as MongoServerError).code).toBe(11000);
    expect(await c.countDocuments({ slug: 'same' })).toBe(1);
    expect((await c.findOne({ slug: 'same' }))?.hits).toBe(fulfilled);
  });
});
