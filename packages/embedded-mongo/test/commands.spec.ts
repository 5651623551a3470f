import { Long, MongoClient, MongoServerError, ServerApiVersion } from 'mongodb';

import { testDatabaseUri } from '../../../test/testDatabase';
import { codeOf, isStandalone, openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('commands');
});

afterAll(async () => {
  await t.close();
});

describe('handshake and server commands', () => {
  it('hello describes a writable server with the size limits drivers need', async () => {
    const hello = await t.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, maxBsonObjectSize: 16777216, maxMessageSizeBytes: 48000000, maxWriteBatchSize: 100000, ok: 1 });
    expect(typeof hello.logicalSessionTimeoutMinutes).toBe('number');
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(8);
    const legacy = await t.db.admin().command({ isMaster: 1 });
    expect(legacy.ismaster).toBe(true);
    const lower = await t.db.admin().command({ ismaster: 1 });
    expect(lower.ismaster).toBe(true);
  });

  it('answers ping, buildInfo and serverStatus', async () => {
    expect(await t.db.admin().command({ ping: 1 })).toMatchObject({ ok: 1 });
    const info = await t.db.admin().command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(Array.isArray(info.versionArray)).toBe(true);
    expect(await t.db.admin().command({ serverStatus: 1 })).toMatchObject({ ok: 1 });
  });

  it('rejects an unknown command with CommandNotFound (59)', async () => {
    const error = await t.db.command({ definitelyNotACommand: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(59);
    expect((error as MongoServerError).codeName).toBe('CommandNotFound');
  });

  it('accepts the lower-case findandmodify alias', async () => {
    await t.db.collection('alias').insertOne({ k: 1 });
    const reply = await t.db.command({ findandmodify: 'alias', query: { k: 1 }, update: { $set: { k: 2 } }, new: true });
    expect(reply.value).toMatchObject({ k: 2 });
  });

  it('connects with the Stable API and runs commands', async () => {
    const client = await MongoClient.connect(testDatabaseUri('em_stable'), { serverApi: { version: ServerApiVersion.v1 } });
    try {
      const db = client.db();
      await db.collection('s').insertOne({ a: 1 });
      expect(await db.collection('s').countDocuments()).toBe(1);
      await db.dropDatabase();
    } finally {
      await client.close();
    }
  });

  it('refuses transactions with IllegalOperation (20) on a standalone server', async () => {
    if (!(await isStandalone(t.db))) return;
    const session = t.client.startSession();
    try {
      session.startTransaction();
      expect(await codeOf(t.db.collection('tx').insertOne({ a: 1 }, { session }))).toBe(20);
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
    expect(await t.db.collection('tx').countDocuments()).toBe(0);
  });
});

describe('databases and collections', () => {
  it('lists a database once it holds data and forgets it when dropped', async () => {
    const client = t.client;
    const name = `${t.db.databaseName}_extra`;
    const extra = client.db(name);
    await extra.collection('c').insertOne({ a: 1 });
    let names = (await client.db().admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name);
    expect(names).toContain(name);
    await extra.dropDatabase();
    names = (await client.db().admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('creates, lists, renames and drops collections', async () => {
    await t.db.createCollection('made');
    expect(await codeOf(t.db.createCollection('made'))).toBe(48);
    let names = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('made');
    const filtered = await t.db.listCollections({ name: 'made' }).toArray();
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toMatchObject({ name: 'made', type: 'collection' });
    await t.db.collection('made').insertOne({ v: 1 });
    await t.db.renameCollection('made', 'renamed');
    expect(await t.db.collection('renamed').countDocuments()).toBe(1);
    expect(await t.db.collection('renamed').drop()).toBe(true);
    names = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).not.toContain('made');
    expect(names).not.toContain('renamed');
  });

  it('reads from a collection that does not exist as empty', async () => {
    expect(await t.db.collection('never').find({}).toArray()).toEqual([]);
    expect(await t.db.collection('never').findOne({})).toBeNull();
    expect(await t.db.collection('never').deleteMany({})).toMatchObject({ deletedCount: 0 });
  });

  it('cursor ids cross the wire as 64-bit integers', async () => {
    const c = t.db.collection('longIds');
    await c.insertMany(Array.from({ length: 5 }, (_, i) => ({ i })));
    const reply = await t.db.command({ find: 'longIds', batchSize: 2 }, { promoteLongs: false });
    expect(reply.cursor.id).toBeInstanceOf(Long);
    expect(reply.cursor.firstBatch).toHaveLength(2);
    const more = await t.db.command({ getMore: reply.cursor.id as Long, collection: 'longIds' }, { promoteLongs: false });
    expect(more.cursor.nextBatch).toHaveLength(3);
    expect(String(more.cursor.id)).toBe('0');
  });

  it('singleBatch (and the driver\'s negative limit) returns one batch and closes the cursor', async () => {
    const single = await t.db.command({ find: 'longIds', batchSize: 2, singleBatch: true }, { promoteLongs: false });
    expect(single.cursor.firstBatch).toHaveLength(2);
    expect(String(single.cursor.id)).toBe('0');
    const cursor = t.db.collection('longIds').find().limit(-3);
    expect(await cursor.toArray()).toHaveLength(3);
    expect(cursor.id === undefined || cursor.id.isZero()).toBe(true);
  });

  it('accepts an insert batch that fills most of the 48 MB message limit', async () => {
    const c = t.db.collection('nearLimit');
    const megabyte = 'm'.repeat(1024 * 1024);
    const result = await c.insertMany(Array.from({ length: 44 }, (_, i) => ({ i, megabyte })));
    expect(result.insertedCount).toBe(44);
    expect(await c.countDocuments()).toBe(44);
    await c.drop();
  });
});
