import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { chooseDatabase } from './databaseChoice';
import { startMemoryServer } from './memoryServer';

/**
 * No real mongod can be installed here, so the embedded engine's CLI (which takes mongod's flags) plays the
 * binary found on PATH: mongodb-memory-server spawns it, waits for it and stops it exactly as it would a mongod.
 */
const ENGINE_CLI = path.resolve(__dirname, '../../packages/embedded-mongo/dist/cli.js');

let dir: string;

function mongodOnPath(): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'mongod'), `#!/bin/sh\nexec "${process.execPath}" "${ENGINE_CLI}" "$@"\n`, { mode: 0o755 });
  return bin;
}

async function roundTrip(uri: string, write?: object): Promise<unknown[]> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const docs = client.db('app').collection('docs');
    if (write) await docs.insertOne({ ...write });
    return await docs.find({}, { projection: { _id: 0 } }).toArray();
  } finally {
    await client.close();
  }
}

beforeAll(() => {
  process.env.MONGOMS_SYSTEM_BINARY_VERSION_CHECK = 'false';
  if (!fs.existsSync(ENGINE_CLI)) throw new Error(`${ENGINE_CLI} is missing: run \`npm run build\` first (npm test does)`);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpr-mms-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mongodb-memory-server with a mongod found on PATH', () => {
  it('is chosen, started without any download, answers, and is stopped', async () => {
    const choice = await chooseDatabase(undefined, { PATH: mongodOnPath() }, async () => undefined);
    if (choice.kind !== 'memory-server') throw new Error(`expected memory-server, got ${choice.kind}`);
    const server = await startMemoryServer(choice.binary);
    expect(server.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await roundTrip(server.uri, { n: 1 })).toEqual([{ n: 1 }]);
    await server.stop();
    await expect(MongoClient.connect(server.uri, { serverSelectionTimeoutMS: 300 })).rejects.toThrow();
  }, 30_000);

  it('with a dbPath (as `npm start` runs it) keeps the data across a restart', async () => {
    const binary = path.join(mongodOnPath(), 'mongod');
    const dbPath = path.join(dir, 'mongod-data');
    fs.mkdirSync(dbPath);
    const first = await startMemoryServer(binary, { dbPath });
    await roundTrip(first.uri, { kept: true });
    await first.stop();
    const second = await startMemoryServer(binary, { dbPath });
    expect(await roundTrip(second.uri)).toEqual([{ kept: true }]);
    await second.stop();
  }, 30_000);
});
