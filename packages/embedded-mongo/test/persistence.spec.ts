import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import type { Document, MongoServerError } from 'mongodb';

import { startEmbeddedMongo } from '../src';
import type { EmbeddedMongo } from '../src';
import { startEngineProcess } from './engineProcess';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function withEngine<T>(dbPath: string, fn: (client: MongoClient, engine: EmbeddedMongo) => Promise<T>, compactBytes?: number): Promise<T> {
  const engine = await startEmbeddedMongo({ port: 0, dbPath, compactBytes });
  const client = await MongoClient.connect(engine.uri);
  try {
    return await fn(client, engine);
  } finally {
    await client.close();
    await engine.stop();
  }
}

const journalFiles = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.startsWith('journal.'));

describe('persistence with dbPath', () => {
  it('keeps documents, updates, deletes, drops and indexes across a restart', async () => {
    const dir = tempDir();
    await withEngine(dir, async (client) => {
      const users = client.db('app').collection('users');
      await users.createIndex({ email: 1 }, { unique: true });
      await users.insertMany([{ email: 'a@x.io', n: 1 }, { email: 'b@x.io', n: 2 }, { email: 'c@x.io', n: 3 }]);
      await users.updateOne({ email: 'a@x.io' }, { $inc: { n: 10 } });
      await users.deleteOne({ email: 'c@x.io' });
      await client.db('app').collection('gone').insertOne({ x: 1 });
      await client.db('app').collection('gone').drop();
      await client.db('other').collection('c').insertOne({ y: 1 });
      await client.db('other').dropDatabase();
    });
    await withEngine(dir, async (client) => {
      const users = client.db('app').collection('users');
      expect(await users.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ email: 'a@x.io', n: 11 }, { email: 'b@x.io', n: 2 }]);
      expect((await users.indexes()).map((i) => i.name)).toEqual(['_id_', 'email_1']);
      const error = (await users.insertOne({ email: 'b@x.io' }).catch((e: unknown) => e)) as MongoServerError;
      expect(error.code).toBe(11000);
      const names = (await client.db('app').listCollections().toArray()).map((c) => c.name);
      expect(names).toEqual(['users']);
      expect((await client.db().admin().listDatabases()).databases.map((d) => d.name)).not.toContain('other');
    });
  });

  it('compacts a growing journal into a snapshot without losing anything', async () => {
    const dir = tempDir();
    const payload = 'x'.repeat(200);
    await withEngine(
      dir,
      async (client) => {
        const c = client.db('app').collection('docs');
        await c.createIndex({ k: 1 });
        for (let i = 0; i < 10; i++) await c.insertMany(Array.from({ length: 100 }, (_, j) => ({ k: i * 100 + j, payload })));
        await c.updateMany({ k: { $lt: 500 } }, { $set: { half: true } });
        await c.deleteMany({ k: { $gte: 900 } });
      },
      32 * 1024,
    );
    expect(fs.readdirSync(dir).some((f) => f.startsWith('snapshot.'))).toBe(true);
    expect(fs.statSync(path.join(dir, journalFiles(dir)[0] as string)).size).toBeLessThan(64 * 1024);
    await withEngine(dir, async (client) => {
      const c = client.db('app').collection('docs');
      expect(await c.countDocuments()).toBe(900);
      expect(await c.countDocuments({ half: true })).toBe(500);
      expect((await c.findOne({ k: 123 }))?.payload).toBe(payload);
      expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_', 'k_1']);
    });
  });

  it('drops a torn record at the end of the journal (an unacknowledged write) and keeps the rest', async () => {
    const dir = tempDir();
    await withEngine(dir, async (client) => {
      await client.db('app').collection('c').insertMany([{ n: 1 }, { n: 2 }]);
    });
    const journal = path.join(dir, journalFiles(dir)[0] as string);
    fs.appendFileSync(journal, Buffer.from([200, 0, 0, 0, 1, 2, 3]));
    await withEngine(dir, async (client) => {
      expect(await client.db('app').collection('c').countDocuments()).toBe(2);
      await client.db('app').collection('c').insertOne({ n: 3 });
    });
    await withEngine(dir, async (client) => {
      expect(await client.db('app').collection('c').countDocuments()).toBe(3);
    });
  });

  it('refuses to start on a journal with a damaged record instead of dropping data', async () => {
    const dir = tempDir();
    await withEngine(dir, async (client) => {
      await client.db('app').collection('c').insertMany(Array.from({ length: 20 }, (_, n) => ({ n })));
    });
    const journal = path.join(dir, journalFiles(dir)[0] as string);
    const bytes = fs.readFileSync(journal);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] as number) ^ 0xff;
    fs.writeFileSync(journal, bytes);
    await expect(startEmbeddedMongo({ port: 0, dbPath: dir })).rejects.toThrow(/checksum|cannot be applied/);
  });

  it('refuses a second engine on a dbPath that is in use', async () => {
    const dir = tempDir();
    const first = await startEmbeddedMongo({ port: 0, dbPath: dir });
    try {
      await expect(startEmbeddedMongo({ port: 0, dbPath: dir })).rejects.toThrow(/in use/);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedMongo({ port: 0, dbPath: dir });
    await again.stop();
  });
});

describe('durability', () => {
  it('loses no acknowledged write when the engine process is killed with SIGKILL', async () => {
    const dir = tempDir();
    const child = await startEngineProcess(dir);
    const client = await MongoClient.connect(child.uri, { serverSelectionTimeoutMS: 2000, socketTimeoutMS: 2000 });
    const c = client.db('app').collection<Document>('acks');
    await c.createIndex({ n: 1 }, { unique: true });
    const acknowledged: number[] = [];
    let counterAcks = 0;
    const writer = (async () => {
      for (let n = 0; ; n++) {
        await c.insertOne({ n });
        acknowledged.push(n);
        await c.updateOne({ _id: 'counter' } as Document, { $inc: { v: 1 } }, { upsert: true });
        counterAcks += 1;
      }
    })().catch(() => undefined);
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 10));
    await child.kill();
    await writer;
    await client.close().catch(() => undefined);
    await withEngine(dir, async (restarted) => {
      const stored = restarted.db('app').collection<Document>('acks');
      const present = new Set((await stored.find({ n: { $exists: true } }).toArray()).map((d) => d.n as number));
      expect(acknowledged.filter((n) => !present.has(n))).toEqual([]);
      expect(((await stored.findOne({ _id: 'counter' } as Document))?.v as number) >= counterAcks).toBe(true);
      const dup = (await stored.insertOne({ n: 0 }).catch((e: unknown) => e)) as MongoServerError;
      expect(dup.code).toBe(11000);
    });
  }, 30_000);
});
