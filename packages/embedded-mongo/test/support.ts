import { MongoClient, MongoServerError } from 'mongodb';
import type { Db, Document } from 'mongodb';

import { testDatabaseUri } from '../../../test/testDatabase';

export interface TestDatabase {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

/** A client on the run's server (embedded engine or MONGO_URI) with a database of this file's own. */
export async function openTestDatabase(label: string): Promise<TestDatabase> {
  const client = await MongoClient.connect(testDatabaseUri(`em_${label}`), { serverSelectionTimeoutMS: 10_000 });
  const db = client.db();
  return {
    client,
    db,
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

/** The first explain-tree node with this stage name (mongod nests them as inputStage / inputStages / queryPlan). */
export function findStage(node: unknown, stage: string): Document | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findStage(item, stage);
      if (found) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const doc = node as Document;
  if (doc.stage === stage) return doc;
  for (const key of ['winningPlan', 'queryPlan', 'inputStage', 'inputStages', 'queryPlanner']) {
    const found = findStage(doc[key], stage);
    if (found) return found;
  }
  return undefined;
}

/** Replica sets and mongos accept transactions; a standalone server (and the embedded engine) refuses them. */
export async function isStandalone(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  return hello.setName === undefined && hello.msg !== 'isdbgrid';
}

export function ids(docs: Document[]): unknown[] {
  return docs.map((d) => d._id);
}

/** The server error code a rejected command carries (the promise must reject with a MongoServerError). */
export async function codeOf(promise: Promise<unknown>): Promise<number | undefined> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(MongoServerError);
  return (error as MongoServerError).code as number | undefined;
}
