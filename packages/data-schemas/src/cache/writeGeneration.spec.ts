import { Mongoose, Types } from 'mongoose';
import { testDatabaseUri } from '../../../../test/testDatabase';
import { createModels } from '../models';
import type { Models } from '../models';
import { writeGeneration } from './writeGeneration';

let mongoose: Mongoose;
let models: Models;

beforeAll(async () => {
  mongoose = new Mongoose();
  await mongoose.connect(testDatabaseUri('writeGeneration'));
  models = createModels(mongoose);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

async function advances(write: () => Promise<unknown>): Promise<boolean> {
  const before = writeGeneration(mongoose);
  await write();
  return writeGeneration(mongoose) > before;
}

const group = (name: string) => ({ organizationId: new Types.ObjectId(), name, members: [] });

describe('write generation', () => {
  it.each([
    ['create', () => models.Group.create(group('create'))],
    ['insertMany', () => models.Group.insertMany([group('many-1'), group('many-2')])],
    ['updateOne', () => models.Group.updateOne({ name: 'create' }, { description: 'changed' })],
    ['updateMany', () => models.Group.updateMany({}, { description: 'all' })],
    ['findOneAndUpdate', () => models.Group.findOneAndUpdate({ name: 'create' }, { description: 'again' })],
    ['replaceOne', () => models.Group.replaceOne({ name: 'many-2' }, group('replaced'))],
    ['bulkWrite', () => models.Group.bulkWrite([{ updateOne: { filter: { name: 'many-1' }, update: { description: 'bulk' } } }])],
    ['findOneAndDelete', () => models.Group.findOneAndDelete({ name: 'replaced' })],
    ['deleteOne', () => models.Group.deleteOne({ name: 'many-1' })],
    ['deleteMany', () => models.Group.deleteMany({})],
  ])('advances on %s of a tracked model', async (_name, write) => {
    expect(await advances(write)).toBe(true);
  });

  it('advances on a document saved again', async () => {
    const doc = await models.Group.create(group('saved'));
    doc.description = 'edited';

    expect(await advances(() => doc.save())).toBe(true);
  });

  it('advances even when the write fails', async () => {
    const existing = await models.Group.create(group('duplicate'));

    const before = writeGeneration(mongoose);
    await expect(models.Group.create({ ...group('duplicate'), _id: existing._id })).rejects.toThrow();

    expect(writeGeneration(mongoose)).toBeGreaterThan(before);
  });

  it('stays put on reads and on writes to collections no cached read depends on', async () => {
    const before = writeGeneration(mongoose);

    await models.Group.find({}).lean();
    await models.Group.countDocuments({});
    await models.AuditLog.create({ organizationId: new Types.ObjectId(), action: 'test.action', actorId: new Types.ObjectId() });

    expect(writeGeneration(mongoose)).toBe(before);
  });

  it('belongs to one mongoose instance', async () => {
    const other = new Mongoose();

    await models.Group.create(group('mine'));

    expect(writeGeneration(other)).toBe(0);
  });
});
