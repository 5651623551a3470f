import { Mongoose, Types } from 'mongoose';
import { testDatabaseUri } from '../../../../test/testDatabase';
import { createModels } from '../models';
import type { Models } from '../models';
import { watchIdentityWrites } from './identityWrites';
import type { IdentitySource } from './identityWrites';

let mongoose: Mongoose;
let models: Models;
let seen: IdentitySource[] = [];

beforeAll(async () => {
  mongoose = new Mongoose();
  await mongoose.connect(testDatabaseUri('identityWrites'));
  models = createModels(mongoose);
  await models.Group.init();
  watchIdentityWrites(mongoose.connection, (source) => seen.push(source));
});
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

async function sourcesOf(write: () => Promise<unknown>): Promise<IdentitySource[]> {
  seen = [];
  await write().catch(() => undefined);
  return seen;
}

const group = (name: string) => ({ organizationId: new Types.ObjectId(), name, members: [] });

describe('identity writes', () => {
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
  ])('are reported after %s', async (_name, write) => {
    expect(await sourcesOf(write)).toContain('groups');
  });

  it('are reported after a document is saved again, updated or deleted through the document', async () => {
    const doc = await models.Group.create(group('document'));
    doc.description = 'edited';
    expect(await sourcesOf(() => doc.save())).toEqual(['groups']);
    expect(await sourcesOf(() => doc.updateOne({ description: 'through the document' }))).toEqual(['groups']);
    expect(await sourcesOf(() => doc.deleteOne())).toEqual(['groups']);
  });

  it('are reported when the write fails', async () => {
    const existing = await models.Group.create(group('duplicate'));
    expect(await sourcesOf(() => models.Group.create({ ...group('duplicate'), _id: existing._id }))).toEqual(['groups']);
  });

  it('name the collection written: users, roles and API keys as well', async () => {
    const organizationId = new Types.ObjectId();
    expect(await sourcesOf(() => models.User.updateOne({ _id: new Types.ObjectId() }, { name: 'x' }))).toEqual(['users']);
    expect(await sourcesOf(() => models.Role.deleteOne({ organizationId, name: 'GONE' }))).toEqual(['roles']);
    expect(await sourcesOf(() => models.ApiKey.updateOne({ _id: new Types.ObjectId() }, { revokedAt: new Date() }))).toEqual(['apiKeys']);
  });

  it('are not reported for reads or for writes to other collections', async () => {
    expect(await sourcesOf(() => models.Group.find({}).lean())).toEqual([]);
    expect(await sourcesOf(() => models.Group.countDocuments({}))).toEqual([]);
    expect(await sourcesOf(() => models.AuditLog.create({ organizationId: new Types.ObjectId(), action: 'test.action', actorId: new Types.ObjectId() }))).toEqual([]);
  });

  it('are reported only to the watchers of the connection that wrote', async () => {
    const other = new Mongoose();
    await other.connect(testDatabaseUri('identityWrites-other'));
    const otherModels = createModels(other);
    const heard: IdentitySource[] = [];
    const stop = watchIdentityWrites(other.connection, (source) => heard.push(source));
    seen = [];
    await otherModels.Group.create(group('elsewhere'));
    await models.Group.create(group('here'));
    stop();
    await otherModels.Group.create(group('after-stop'));
    await other.connection.dropDatabase().catch(() => undefined);
    await other.disconnect();
    expect(heard).toEqual(['groups']);
    expect(seen).toEqual(['groups']);
  });
});
