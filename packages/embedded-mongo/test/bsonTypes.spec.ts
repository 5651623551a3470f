import { Decimal128, Double, Int32, Long, MongoServerError, ObjectId } from 'mongodb';

import { openTestDatabase } from './support';
import type { TestDatabase } from './support';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('bsontypes');
  await t.db.collection('numbers').insertMany([
    { _id: 1, n: new Int32(5) },
    { _id: 2, n: new Double(5) },
    { _id: 3, n: Long.fromNumber(5) },
    { _id: 4, n: Decimal128.fromString('5') },
    { _id: 5, n: 5.5 },
    { _id: 6, n: Long.fromString('9007199254740993') },
  ] as never[]);
  await t.db.collection('kinds').insertMany([
    { _id: 'oid', v: new ObjectId() },
    { _id: 'str', v: 'text' },
    { _id: 'date', v: new Date(0) },
    { _id: 'bool', v: false },
    { _id: 'null', v: null },
    { _id: 'arr', v: [] },
    { _id: 'obj', v: { a: 1 } },
    { _id: 'missing' },
  ] as never[]);
});

afterAll(async () => {
  await t.close();
});

async function idsWhere(collection: string, filter: object): Promise<unknown[]> {
  return (await t.db.collection(collection).find(filter).sort({ _id: 1 }).project({ _id: 1 }).toArray()).map((d) => d._id);
}

describe('numbers of different BSON types', () => {
  it('compare equal by value across int, double, long and decimal', async () => {
    expect(await idsWhere('numbers', { n: 5 })).toEqual([1, 2, 3, 4]);
    expect(await idsWhere('numbers', { n: { $gt: 5 } })).toEqual([5, 6]);
    const order = (await t.db.collection('numbers').find().sort({ n: -1, _id: 1 }).toArray()).map((d) => d._id);
    expect(order).toEqual([6, 5, 1, 2, 3, 4]);
  });

  it('read back with their value; Decimal128 and longs beyond 2^53 keep their type', async () => {
    const typed = await t.db.collection('numbers').find({}, { promoteValues: false, promoteLongs: false }).sort({ _id: 1 }).toArray();
    expect(typed.map((d) => Number(String(d.n)))).toEqual([5, 5, 5, 5, 5.5, 9007199254740992]);
    expect((typed[3]?.n as { _bsontype?: string })._bsontype).toBe('Decimal128');
    expect((typed[5]?.n as { _bsontype?: string })._bsontype).toBe('Long');
    expect(String(typed[5]?.n)).toBe('9007199254740993');
  });

  it('all count as numbers for $type, and only Decimal128 as decimal', async () => {
    expect(await idsWhere('numbers', { n: { $type: 'number' } })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await idsWhere('numbers', { n: { $type: 'decimal' } })).toEqual([4]);
  });

  it('collide in the _id index and in unique indexes when their values are equal', async () => {
    const c = t.db.collection('numericKeys');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertOne({ _id: 1, k: 7 } as never);
    const sameId = await c.insertOne({ _id: Long.fromNumber(1), k: 8 } as never).catch((e: unknown) => e);
    expect((sameId as MongoServerError).code).toBe(11000);
    const sameKey = await c.insertOne({ _id: 2, k: new Double(7) } as never).catch((e: unknown) => e);
    expect((sameKey as MongoServerError).code).toBe(11000);
    const decimalKey = await c.insertOne({ _id: 3, k: Decimal128.fromString('7.0') } as never).catch((e: unknown) => e);
    expect((decimalKey as MongoServerError).code).toBe(11000);
    expect(await c.countDocuments()).toBe(1);
  });
});

describe('$type', () => {
  it('matches the BSON type aliases and numeric codes', async () => {
    expect(await idsWhere('kinds', { v: { $type: 'objectId' } })).toEqual(['oid']);
    expect(await idsWhere('kinds', { v: { $type: 7 } })).toEqual(['oid']);
    expect(await idsWhere('kinds', { v: { $type: 'string' } })).toEqual(['str']);
    expect(await idsWhere('kinds', { v: { $type: 'date' } })).toEqual(['date']);
    expect(await idsWhere('kinds', { v: { $type: 'bool' } })).toEqual(['bool']);
    expect(await idsWhere('kinds', { v: { $type: 'null' } })).toEqual(['null']);
    expect(await idsWhere('kinds', { v: { $type: 'array' } })).toEqual(['arr']);
    expect(await idsWhere('kinds', { v: { $type: 'object' } })).toEqual(['obj']);
    expect(await idsWhere('kinds', { v: { $type: ['string', 'bool'] } })).toEqual(['bool', 'str']);
  });
});

describe('query variables and argument errors', () => {
  it('find resolves $$variables given in let', async () => {
    const docs = await t.db
      .collection<{ _id: number; n: unknown }>('numbers')
      .find({ _id: { $lte: 5 }, $expr: { $gt: ['$n', '$$limit'] } }, { let: { limit: 5 } })
      .project({ _id: 1 })
      .toArray();
    expect(docs.map((d) => d._id)).toEqual([5]);
  });

  it('refuses $size with a non-numeric argument', async () => {
    const error = await t.db.collection('kinds').find({ v: { $size: 'two' } }).toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
  });
});
