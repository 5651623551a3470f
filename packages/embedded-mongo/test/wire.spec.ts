import { randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';

import { startEmbeddedMongo } from '@mcp-registry/embedded-mongo';
import type { EmbeddedMongo } from '@mcp-registry/embedded-mongo';
import { OP_MSG, OP_REPLY, RawConnection, opMsg, opQuery } from './wireClient';
import type { Reply } from './wireClient';

interface Target {
  host: string;
  port: number;
  uri: string;
  stop(): Promise<void>;
}

/** MONGO_URI (a single mongodb:// host) when set, so the same checks run against a real server; else an engine of our own. */
async function openTarget(): Promise<Target> {
  const external = process.env.MONGO_URI;
  if (external?.startsWith('mongodb://')) {
    const url = new URL(external);
    return { host: url.hostname, port: Number(url.port || 27017), uri: external, stop: async () => undefined };
  }
  const own: EmbeddedMongo = await startEmbeddedMongo({ port: 0 });
  return { host: '127.0.0.1', port: own.port, uri: own.uri, stop: () => own.stop() };
}

const dbName = `wire_${randomBytes(3).toString('hex')}`;
let engine: Target;

beforeAll(async () => {
  engine = await openTarget();
});

afterAll(async () => {
  const client = await MongoClient.connect(engine.uri);
  await client.db(dbName).dropDatabase().catch(() => undefined);
  await client.close();
  await engine.stop();
});

function asReply(reply: Reply | 'closed'): Reply {
  if (reply === 'closed') throw new Error('the server closed the connection');
  return reply;
}

async function serverAnswersPing(): Promise<boolean> {
  const client = await MongoClient.connect(engine.uri, { serverSelectionTimeoutMS: 5000 });
  try {
    return (await client.db('admin').command({ ping: 1 })).ok === 1;
  } finally {
    await client.close();
  }
}

describe('wire protocol', () => {
  it('answers a legacy OP_QUERY isMaster handshake with an OP_REPLY', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const built = opQuery('admin.$cmd', { isMaster: 1, helloOk: true });
    const reply = asReply(await conn.request(built));
    conn.close();
    expect(reply.opCode).toBe(OP_REPLY);
    expect(reply.responseTo).toBe(built.requestId);
    expect(reply.doc).toMatchObject({ ismaster: true, ok: 1 });
  });

  it('accepts OP_MSG with a valid CRC-32C checksum', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const reply = asReply(await conn.request(opMsg({ ping: 1, $db: 'admin' }, { checksum: true })));
    conn.close();
    expect(reply.opCode).toBe(OP_MSG);
    expect(reply.doc.ok).toBe(1);
  });

  it('refuses an OP_MSG whose checksum does not match, without taking the server down', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const built = opMsg({ ping: 1, $db: 'admin' }, { checksum: true });
    built.bytes.writeUInt32LE((built.bytes.readUInt32LE(built.bytes.length - 4) + 1) >>> 0, built.bytes.length - 4);
    const reply = await conn.request(built);
    conn.close();
    if (reply !== 'closed') expect(reply.doc.ok).toBe(0);
    expect(await serverAnswersPing()).toBe(true);
  });

  it('reads kind-1 document sequences and sends no reply for moreToCome', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const insert = opMsg(
      { insert: 'seq', $db: dbName, writeConcern: { w: 0 } },
      { moreToCome: true, sequences: { documents: [{ _id: 1 }, { _id: 2 }] } },
    );
    conn.send(insert.bytes);
    const find = opMsg({ find: 'seq', filter: {}, sort: { _id: 1 }, $db: dbName });
    const reply = asReply(await conn.request(find));
    conn.close();
    expect(reply.responseTo).toBe(find.requestId);
    expect(reply.doc.cursor.firstBatch).toEqual([{ _id: 1 }, { _id: 2 }]);
  });

  it('closes a connection that announces a message over 48 MB and keeps serving others', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const head = Buffer.alloc(16);
    head.writeInt32LE(64 * 1024 * 1024, 0);
    head.writeInt32LE(1, 4);
    head.writeInt32LE(OP_MSG, 12);
    expect(await conn.request({ requestId: 1, bytes: head })).toBe('closed');
    expect(await serverAnswersPing()).toBe(true);
  });

  it('refuses a document over 16 MB inside a valid message', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const big = { _id: 'big', s: 'x'.repeat(16 * 1024 * 1024 + 512 * 1024) };
    const reply = await conn.request(opMsg({ insert: 'big', $db: dbName }, { sequences: { documents: [big] } }));
    conn.close();
    if (reply !== 'closed') {
      const refused = reply.doc.ok === 0 || (Array.isArray(reply.doc.writeErrors) && reply.doc.writeErrors.length > 0);
      expect(refused).toBe(true);
    }
    const client = await MongoClient.connect(engine.uri);
    try {
      expect(await client.db(dbName).collection('big').countDocuments()).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('reassembles a message that arrives one byte at a time, and answers pipelined messages in order', async () => {
    const conn = await RawConnection.open(engine.port, engine.host);
    const slow = opMsg({ ping: 1, $db: 'admin' });
    for (const byte of slow.bytes) conn.send(Buffer.from([byte]));
    expect(asReply(await conn.next()).responseTo).toBe(slow.requestId);
    const first = opMsg({ ping: 1, $db: 'admin' });
    const second = opMsg({ buildInfo: 1, $db: 'admin' });
    conn.send(Buffer.concat([first.bytes, second.bytes]));
    expect(asReply(await conn.next()).responseTo).toBe(first.requestId);
    expect(asReply(await conn.next()).responseTo).toBe(second.requestId);
    conn.close();
  });

  it('answers malformed OP_MSG bodies with an error reply or a closed connection, never a crash', async () => {
    const valid = opMsg({ ping: 1, $db: 'admin' }).bytes;
    const unknownFlag = Buffer.from(valid);
    unknownFlag.writeUInt32LE(1 << 4, 16);
    const noDb = opMsg({ ping: 1 }).bytes;
    const twoBodies = Buffer.from(valid);
    const body = valid.subarray(20);
    const doubled = Buffer.concat([twoBodies.subarray(0, 20), body, body]);
    doubled.writeInt32LE(doubled.length, 0);
    const truncatedBson = Buffer.from(valid);
    truncatedBson.writeInt32LE(10_000, 21);
    const legacyInsert = Buffer.from(valid);
    legacyInsert.writeInt32LE(2002, 12);
    const compressed = Buffer.from(valid);
    compressed.writeInt32LE(2012, 12);
    const exhaust = Buffer.from(valid);
    exhaust.writeUInt32LE(1 << 16, 16);
    for (const bytes of [unknownFlag, noDb, doubled, truncatedBson, legacyInsert, compressed]) {
      const conn = await RawConnection.open(engine.port, engine.host);
      const reply = await conn.request({ requestId: 0, bytes });
      conn.close();
      if (reply !== 'closed') expect(reply.doc.ok).toBe(0);
    }
    const conn = await RawConnection.open(engine.port, engine.host);
    const reply = asReply(await conn.request({ requestId: 0, bytes: exhaust }));
    conn.close();
    expect(reply.doc.ok).toBe(1);
    expect(await serverAnswersPing()).toBe(true);
  });

  it('survives random bytes and corrupted messages on many connections', async () => {
    const valid = opMsg({ find: 'fuzz', filter: { a: { $gt: 1 } }, $db: dbName }).bytes;
    const payloads: Buffer[] = [];
    for (let i = 0; i < 60; i++) payloads.push(randomBytes(1 + ((i * 37) % 600)));
    for (let i = 0; i < 140; i++) {
      const mutated = Buffer.from(valid);
      const flips = 1 + (i % 4);
      for (let f = 0; f < flips; f++) {
        const at = 4 + ((i * 131 + f * 17) % (mutated.length - 4));
        mutated[at] = (mutated[at] as number) ^ (1 << ((i + f) % 8));
      }
      payloads.push(mutated);
    }
    await Promise.all(
      payloads.map(async (bytes) => {
        const conn = await RawConnection.open(engine.port, engine.host);
        conn.send(bytes);
        conn.send(opMsg({ ping: 1, $db: 'admin' }).bytes);
        await Promise.race([conn.next(), new Promise((resolve) => setTimeout(resolve, 500))]);
        conn.close();
      }),
    );
    expect(await serverAnswersPing()).toBe(true);
  });

  it('serves hundreds of concurrent connections', async () => {
    const conns = await Promise.all(Array.from({ length: 300 }, () => RawConnection.open(engine.port, engine.host)));
    const replies = await Promise.all(conns.map((c) => c.request(opMsg({ hello: 1, $db: 'admin' }))));
    for (const c of conns) c.close();
    expect(replies.every((r) => r !== 'closed' && r.doc.ok === 1)).toBe(true);
  });
});
