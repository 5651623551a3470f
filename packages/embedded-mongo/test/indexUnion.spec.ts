import { ObjectId } from 'mongodb';
import type { Collection, Document } from 'mongodb';

import { findStage, openTestDatabase } from './support';
import type { TestDatabase } from './support';

/**
 * A `$or` whose branches are each served by an index runs as an index union (mongod's OR / SORT_MERGE stages):
 * the member-visibility filter of an installation list (own, their groups', the organisation's) is the model.
 */
let t: TestDatabase;
const org = new ObjectId();
const otherOrg = new ObjectId();
const users = Array.from({ length: 40 }, () => new ObjectId());
const teams = Array.from({ length: 10 }, () => new ObjectId());
const member = users[3] as ObjectId;
const memberTeams = [teams[1], teams[4]] as ObjectId[];

function installations(count: number): Document[] {
  return Array.from({ length: count }, (_, i) => {
    const organizationId = i % 10 === 9 ? otherOrg : org;
    const kind = i % 7;
    const base = { _id: new ObjectId(), organizationId, n: i };
    if (kind < 4) return { ...base, scope: 'personal', ownerId: users[i % users.length], teamId: null };
    if (kind < 6) return { ...base, scope: 'team', ownerId: null, teamId: teams[i % teams.length] };
    return { ...base, scope: 'org', ownerId: null, teamId: null };
  });
}

const visible = {
  organizationId: org,
  $or: [{ scope: 'personal', ownerId: member }, { scope: 'team', teamId: { $in: memberTeams } }, { scope: 'org' }],
};

async function withServiceIndexes(c: Collection): Promise<void> {
  await c.createIndex({ organizationId: 1, _id: -1 });
  await c.createIndex({ organizationId: 1, scope: 1, _id: -1 });
  await c.createIndex({ ownerId: 1, _id: -1 });
  await c.createIndex({ teamId: 1, _id: -1 });
}

beforeAll(async () => {
  t = await openTestDatabase('index_union');
  const docs = installations(3000);
  await t.db.collection('plain').insertMany(docs.map((d) => ({ ...d })));
  const indexed = t.db.collection('indexed');
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await withServiceIndexes(indexed);
});
afterAll(() => t.close());

const page = (name: string, filter: Document, limit: number): Promise<Document[]> =>
  t.db.collection(name).find(filter).sort({ _id: -1 }).limit(limit).toArray();

describe('index union for $or', () => {
  it('serves the visibility filter by merging one index scan per branch in _id order', async () => {
    const plan = await t.db.collection('indexed').find(visible).sort({ _id: -1 }).limit(21).explain('queryPlanner');
    const merge = findStage(plan, 'SORT_MERGE');
    expect(merge).toBeDefined();
    expect(findStage(plan, 'SORT')).toBeUndefined();
    expect(findStage(plan, 'COLLSCAN')).toBeUndefined();
    const names = (merge?.inputStages as Document[]).map((s) => s.indexName);
    expect(names).toEqual(['ownerId_1__id_-1', 'teamId_1__id_-1', 'organizationId_1_scope_1__id_-1']);
  });

  it('returns exactly what a collection scan returns, page after page', async () => {
    let after: ObjectId | null = null;
    let pages = 0;
    for (;;) {
      const filter: Document = after ? { $and: [visible, { _id: { $lt: after } }] } : visible;
      const expected = await page('plain', filter, 21);
      const actual = await page('indexed', filter, 21);
      expect(actual).toEqual(expected);
      pages += 1;
      if (actual.length < 21) break;
      after = (actual[20] as Document)._id as ObjectId;
    }
    expect(pages).toBeGreaterThan(3);
  });

  it('returns a document that matches several branches once', async () => {
    const both = { $or: [{ ownerId: member }, { organizationId: org, scope: 'personal' }, { _id: { $in: [] } }] };
    const c = t.db.collection('indexed');
    const plan = await c.find(both).explain('queryPlanner');
    expect(findStage(plan, 'OR')).toBeDefined();
    const got = await c.find(both).toArray();
    expect(new Set(got.map((d) => String(d._id))).size).toBe(got.length);
    expect(got.length).toBe(await t.db.collection('plain').countDocuments(both));
  });

  it('sorts after the union when a branch cannot yield the sort order', async () => {
    const filter = { $or: [{ ownerId: member }, { teamId: { $in: memberTeams } }] };
    const plan = await t.db.collection('indexed').find(filter).sort({ n: 1 }).explain('queryPlanner');
    expect(findStage(plan, 'SORT')).toBeDefined();
    expect(findStage(plan, 'OR')).toBeDefined();
    const read = (name: string): Promise<Document[]> => t.db.collection(name).find(filter).sort({ n: 1 }).skip(3).limit(10).toArray();
    expect(await read('indexed')).toEqual(await read('plain'));
  });

  it('keeps the whole $or a scan when one branch has no index', async () => {
    const filter = { $or: [{ ownerId: member }, { n: { $lt: 50 } }] };
    const plan = await t.db.collection('indexed').find(filter).explain('queryPlanner');
    expect(findStage(plan, 'OR')).toBeUndefined();
    expect(findStage(plan, 'COLLSCAN')).toBeDefined();
    expect(await t.db.collection('indexed').countDocuments(filter)).toBe(await t.db.collection('plain').countDocuments(filter));
  });

  it('uses the rest of the conjunction through an index when a branch has none', async () => {
    const filter = { organizationId: otherOrg, $or: [{ ownerId: member }, { n: { $lt: 50 } }] };
    const plan = await t.db.collection('indexed').find(filter).explain('queryPlanner');
    expect(findStage(plan, 'OR')).toBeUndefined();
    expect(findStage(plan, 'IXSCAN')).toMatchObject({ indexName: expect.stringMatching(/^organizationId_1/) });
  });

  it('serves counts, aggregations and deletes through the union too', async () => {
    for (const name of ['plain', 'indexed']) expect(await t.db.collection(name).countDocuments(visible)).toBeGreaterThan(0);
    const counts = await Promise.all(['plain', 'indexed'].map((name) => t.db.collection(name).countDocuments(visible)));
    expect(counts[1]).toBe(counts[0]);
    const pipeline = [{ $match: visible }, { $sort: { _id: -1 } }, { $limit: 5 }, { $project: { n: 1 } }];
    expect(await t.db.collection('indexed').aggregate(pipeline).toArray()).toEqual(await t.db.collection('plain').aggregate(pipeline).toArray());
    const gone = { $or: [{ ownerId: users[7] }, { teamId: teams[7] }] };
    const deleted = await Promise.all(['plain', 'indexed'].map((name) => t.db.collection(name).deleteMany(gone)));
    expect(deleted[1]?.deletedCount).toBe(deleted[0]?.deletedCount);
    expect(await t.db.collection('indexed').countDocuments(gone)).toBe(0);
  });
});
