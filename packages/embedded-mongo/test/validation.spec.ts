import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import type { Document } from 'mongodb';

import { codeOf, openTestDatabase } from './support';
import type { TestDatabase } from './support';

/** Collection validators (query operators): DocumentValidationFailure with `errInfo`, levels, actions, bypass. */
let t: TestDatabase;
let seq = 0;
const validator = { x: { $type: 'string' }, n: { $gte: 0 } };

beforeAll(async () => {
  t = await openTestDatabase('validation');
});
afterAll(() => t.close());

async function validated(options: Document = {}): Promise<ReturnType<TestDatabase['db']['collection']>> {
  seq += 1;
  return t.db.createCollection(`v${seq}`, { validator, ...options });
}

async function failure(promise: Promise<unknown>): Promise<MongoServerError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

describe('document validation', () => {
  it('refuses an invalid insert with code 121 and errInfo naming the document and the failed clause', async () => {
    const c = await validated();
    const error = await failure(c.insertOne({ _id: 7, x: 1, n: 3 } as Document));
    expect(error.code).toBe(121);
    expect(error.errInfo).toMatchObject({
      failingDocumentId: 7,
      details: { operatorName: '$and', clausesNotSatisfied: [{ index: 0, details: { operatorName: '$type', specifiedAs: { x: { $type: 'string' } } } }] },
    });
    await c.insertOne({ x: 'ok', n: 0 });
    expect(await c.countDocuments()).toBe(1);
  });

  it('reports errInfo per document in an unordered insertMany', async () => {
    const c = await validated();
    const error = await c.insertMany([{ x: 'a', n: 1 }, { x: 'b', n: -1 }], { ordered: false }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const [writeError] = [(error as MongoBulkWriteError).writeErrors].flat();
    expect(writeError?.code).toBe(121);
    expect(writeError?.errInfo?.details).toMatchObject({ clausesNotSatisfied: [{ index: 1 }] });
    expect(await c.countDocuments()).toBe(1);
  });

  it('checks updates, replacements, upserts and findOneAndUpdate, and changes nothing when they fail', async () => {
    const c = await validated();
    await c.insertOne({ _id: 1, x: 'a', n: 1 } as Document);
    expect(await codeOf(c.updateOne({ _id: 1 } as Document, { $set: { n: -5 } }))).toBe(121);
    expect(await codeOf(c.replaceOne({ _id: 1 } as Document, { x: 2, n: 1 }))).toBe(121);
    expect(await codeOf(c.updateOne({ _id: 2 } as Document, { $set: { x: 3 } }, { upsert: true }))).toBe(121);
    const error = await failure(c.findOneAndUpdate({ _id: 1 } as Document, { $set: { x: 1 } }));
    expect(error.code).toBe(121);
    expect(error.errInfo).toMatchObject({ failingDocumentId: 1, details: expect.any(Object) });
    expect(await c.find({}).toArray()).toEqual([{ _id: 1, x: 'a', n: 1 }]);
  });

  it('bypassDocumentValidation, validationAction "warn" and validationLevel "off" let invalid documents in', async () => {
    const c = await validated();
    await c.insertOne({ x: 1 }, { bypassDocumentValidation: true });
    await c.updateMany({}, { $set: { n: -1 } }, { bypassDocumentValidation: true });
    await (await validated({ validationAction: 'warn' })).insertOne({ x: 1 });
    await (await validated({ validationLevel: 'off' })).insertOne({ x: 1 });
    expect(await c.countDocuments({ n: -1 })).toBe(1);
  });

  it('validationLevel "moderate" spares documents that were already invalid', async () => {
    const c = await validated({ validationLevel: 'moderate' });
    await c.insertMany([{ _id: 1, x: 1 }, { _id: 2, x: 'a', n: 1 }] as Document[], { bypassDocumentValidation: true });
    await c.updateOne({ _id: 1 } as Document, { $set: { y: true } });
    expect(await codeOf(c.updateOne({ _id: 2 } as Document, { $set: { x: 5 } }))).toBe(121);
    expect(await c.countDocuments({ y: true })).toBe(1);
  });

  it('an $out whose documents fail validation leaves the target as it was', async () => {
    const target = await validated();
    await target.insertOne({ x: 'kept', n: 1 });
    const source = t.db.collection(`${target.collectionName}_source`);
    await source.insertMany([{ x: 'fine', n: 1 }, { x: 2, n: 1 }]);
    expect(await codeOf(source.aggregate([{ $out: target.collectionName }]).toArray())).toBe(121);
    expect(await target.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ x: 'kept', n: 1 }]);
  });

  it('refuses what it cannot enforce instead of storing it unenforced', async () => {
    expect(await codeOf(t.db.createCollection('json_schema', { validator: { $jsonSchema: { required: ['x'] } } }))).toBe(2);
    expect(await codeOf(t.db.createCollection('bad_level', { validator, validationLevel: 'sometimes' as never }))).toBe(2);
    const c = await validated();
    expect(await codeOf(t.db.command({ collMod: c.collectionName, validator: { x: { $exists: true } } }))).toBe(115);
  });
});
