import type { Collection, Document } from 'mongodb';

import { codeOf, openTestDatabase } from './support';
import type { TestDatabase } from './support';

/** `let` on every command that takes it: values are expressions, read as `$$name` in `$expr`, pipelines and pipeline updates. */
let t: TestDatabase;
let c: Collection;

beforeAll(async () => {
  t = await openTestDatabase('let_variables');
});
beforeEach(async () => {
  c = t.db.collection(`coll_${Math.random().toString(36).slice(2)}`);
  await c.insertMany([{ _id: 1 as never, n: 10 }, { _id: 2 as never, n: 20 }, { _id: 3 as never, n: 30 }]);
});
afterAll(() => t.close());

const byId = { $expr: { $eq: ['$_id', '$$id'] } };
const all = (): Promise<Document[]> => c.find({}).sort({ _id: 1 }).toArray();

describe('let variables', () => {
  it('find and aggregate read them in $expr and in later stages', async () => {
    expect(await c.find(byId, { let: { id: 2 } }).toArray()).toEqual([{ _id: 2, n: 20 }]);
    const pipeline = [{ $match: { $expr: { $gt: ['$n', '$$min'] } } }, { $project: { _id: 1, label: '$$label' } }];
    expect(await c.aggregate(pipeline, { let: { min: 15, label: { $concat: ['a', 'b'] } } }).toArray()).toEqual([
      { _id: 2, label: 'ab' },
      { _id: 3, label: 'ab' },
    ]);
  });

  it('are evaluated as expressions once, before the command runs', async () => {
    const found = await c.find({ $expr: { $eq: ['$n', '$$target'] } }, { let: { target: { $multiply: [3, 10] } } }).toArray();
    expect(found).toEqual([{ _id: 3, n: 30 }]);
    expect(await c.find({ $expr: { $eq: ['$$word', 'x'] } }, { let: { word: { $literal: 'x' } } }).toArray()).toHaveLength(3);
  });

  it('updateOne and updateMany use them in the filter and in a pipeline update', async () => {
    const one = await c.updateOne(byId, [{ $set: { x: '$$x', y: '$$y' } }], { let: { id: 1, x: 'foo', y: { $literal: 'bar' } } });
    expect(one).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const many = await c.updateMany({ $expr: { $gte: ['$n', '$$from'] } }, [{ $set: { n: { $add: ['$n', '$$step'] } } }], { let: { from: 20, step: 1 } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await all()).toEqual([{ _id: 1, n: 10, x: 'foo', y: 'bar' }, { _id: 2, n: 21 }, { _id: 3, n: 31 }]);
  });

  it('deleteOne and deleteMany use them in the filter', async () => {
    expect((await c.deleteOne(byId, { let: { id: 1 } })).deletedCount).toBe(1);
    expect((await c.deleteMany({ $expr: { $lt: ['$n', '$$max'] } }, { let: { max: 25 } })).deletedCount).toBe(1);
    expect(await all()).toEqual([{ _id: 3, n: 30 }]);
  });

  it('findOneAndUpdate, findOneAndReplace and findOneAndDelete use them', async () => {
    const updated = await c.findOneAndUpdate(byId, [{ $set: { tag: '$$tag' } }], { let: { id: 1, tag: 't' }, returnDocument: 'after' });
    expect(updated).toEqual({ _id: 1, n: 10, tag: 't' });
    expect(await c.findOneAndReplace(byId, { n: 0 }, { let: { id: 2 }, returnDocument: 'after' })).toEqual({ _id: 2, n: 0 });
    expect(await c.findOneAndDelete(byId, { let: { id: 3 } })).toEqual({ _id: 3, n: 30 });
    expect(await all()).toEqual([{ _id: 1, n: 10, tag: 't' }, { _id: 2, n: 0 }]);
  });

  it('bulkWrite passes them to every update and delete', async () => {
    const result = await c.bulkWrite(
      [
        { updateOne: { filter: byId, update: [{ $set: { seen: '$$flag' } }] } },
        { replaceOne: { filter: { $expr: { $eq: ['$_id', '$$other'] } }, replacement: { n: -2 } } },
        { deleteMany: { filter: { $expr: { $eq: ['$n', '$$gone'] } } } },
      ],
      { let: { id: 1, flag: true, other: 2, gone: 30 } },
    );
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2, deletedCount: 1 });
    expect(await all()).toEqual([{ _id: 1, n: 10, seen: true }, { _id: 2, n: -2 }]);
  });

  it('a variable a command does not define, or a bad variable name, is an error', async () => {
    expect(await codeOf(c.find(byId).toArray())).toBeDefined();
    expect(await codeOf(c.find(byId, { let: { Id: 1 } }).toArray())).toBe(2);
    expect(await all()).toHaveLength(3);
  });
});
