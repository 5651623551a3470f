import mongoose, { Schema } from 'mongoose';
import type { Connection } from 'mongoose';

import { testDatabaseUri } from '../../../test/testDatabase';

interface Team {
  slug: string;
  name: string;
  orgId: number;
  hits?: number;
  createdAt?: Date;
  updatedAt?: Date;
}

interface Member {
  teamSlug: string;
  user: string;
}

interface Author {
  name: string;
  secret?: string;
}

interface Post {
  title: string;
  author: mongoose.Types.ObjectId;
}

interface EventDoc {
  at: Date;
  kind?: string;
}

let conn: Connection;

const teamSchema = new Schema<Team>(
  { slug: { type: String, required: true }, name: String, orgId: Number, hits: { type: Number, default: 0 } },
  { timestamps: true },
);
teamSchema.index({ orgId: 1, slug: 1 }, { unique: true });
const memberSchema = new Schema<Member>({ teamSlug: String, user: String });

beforeAll(async () => {
  conn = await mongoose.createConnection(testDatabaseUri('em_mongoose'), { serverSelectionTimeoutMS: 10_000 }).asPromise();
});

afterAll(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

function models(): { Team: mongoose.Model<Team>; Member: mongoose.Model<Member> } {
  return {
    Team: conn.models.Team ?? conn.model<Team>('Team', teamSchema),
    Member: conn.models.Member ?? conn.model<Member>('Member', memberSchema),
  };
}

describe('Mongoose on the server', () => {
  it('builds the schema indexes and enforces the unique one with a DuplicateKey error', async () => {
    const { Team } = models();
    await Team.init();
    const indexes = await Team.collection.listIndexes().toArray();
    expect(indexes.find((i) => i.name === 'orgId_1_slug_1')).toMatchObject({ unique: true });
    await Team.create({ slug: 'core', name: 'Core', orgId: 1 });
    const error = await Team.create({ slug: 'core', name: 'Again', orgId: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000, keyPattern: { orgId: 1, slug: 1 }, keyValue: { orgId: 1, slug: 'core' } });
    await Team.create({ slug: 'core', name: 'Other org', orgId: 2 });
    expect(await Team.countDocuments({ slug: 'core' })).toBe(2);
  });

  it('finds with sort, limit and lean, and stamps timestamps', async () => {
    const { Team } = models();
    await Team.create([{ slug: 'b', name: 'B', orgId: 3 }, { slug: 'a', name: 'A', orgId: 3 }, { slug: 'c', name: 'C', orgId: 3 }]);
    const page = await Team.find({ orgId: 3 }, { slug: 1, createdAt: 1 }).sort({ slug: 1 }).limit(2).lean();
    expect(page.map((t) => t.slug)).toEqual(['a', 'b']);
    expect(page[0]?.createdAt).toBeInstanceOf(Date);
    expect(page[0]?._id).toBeInstanceOf(mongoose.Types.ObjectId);
  });

  it('upserts with includeResultMetadata, keeping createdAt on the second call', async () => {
    const { Team } = models();
    const first = await Team.findOneAndUpdate(
      { orgId: 4, slug: 'x' },
      { $setOnInsert: { name: 'X' } },
      { upsert: true, new: true, includeResultMetadata: true, lean: true },
    );
    expect(first.lastErrorObject?.updatedExisting).toBe(false);
    const created = first.value?.createdAt;
    expect(created).toBeInstanceOf(Date);
    const second = await Team.findOneAndUpdate(
      { orgId: 4, slug: 'x' },
      { $setOnInsert: { name: 'ignored' }, $inc: { hits: 1 } },
      { upsert: true, new: true, includeResultMetadata: true, lean: true },
    );
    expect(second.lastErrorObject?.updatedExisting).toBe(true);
    expect(second.value).toMatchObject({ name: 'X', hits: 1 });
    expect(second.value?.createdAt).toEqual(created);
  });

  it('twenty parallel upserts on one unique key leave exactly one document', async () => {
    const { Team } = models();
    await Team.init();
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        Team.findOneAndUpdate({ orgId: 5, slug: 'race' }, { $setOnInsert: { name: 'Race' } }, { upsert: true, new: true, lean: true }),
      ),
    );
    for (const r of settled) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 11000 });
    expect(await Team.countDocuments({ orgId: 5, slug: 'race' })).toBe(1);
  });

  it('aggregates with $lookup and deletes in bulk', async () => {
    const { Team, Member } = models();
    await Team.create({ slug: 'joined', name: 'Joined', orgId: 6 });
    await Member.create([{ teamSlug: 'joined', user: 'u1' }, { teamSlug: 'joined', user: 'u2' }, { teamSlug: 'other', user: 'u3' }]);
    const rows = await Team.aggregate<{ slug: string; members: Member[] }>([
      { $match: { orgId: 6 } },
      { $lookup: { from: Member.collection.name, localField: 'slug', foreignField: 'teamSlug', as: 'members' } },
      { $project: { slug: 1, members: { user: 1 } } },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.members.map((m) => m.user).sort()).toEqual(['u1', 'u2']);
    const removed = await Member.deleteMany({ teamSlug: 'joined' });
    expect(removed.deletedCount).toBe(2);
    expect(await Member.countDocuments()).toBe(1);
  });

  it('saves document changes and reads them back by id', async () => {
    const { Team } = models();
    const doc = await Team.create({ slug: 'saved', name: 'Before', orgId: 7 });
    doc.name = 'After';
    await doc.save();
    const back = await Team.findById(doc._id).lean();
    expect(back?.name).toBe('After');
    expect(back?.updatedAt?.getTime()).toBeGreaterThanOrEqual(back?.createdAt?.getTime() ?? 0);
    await Team.deleteOne({ _id: doc._id });
    expect(await Team.findById(doc._id)).toBeNull();
  });

  it('populates references, hides select:false fields and stores discriminators', async () => {
    const authorSchema = new Schema<Author>({ name: String, secret: { type: String, select: false } });
    const postSchema = new Schema<Post>({ title: String, author: { type: Schema.Types.ObjectId, ref: 'Author' } });
    const Author = conn.model<Author>('Author', authorSchema);
    const Post = conn.model<Post>('Post', postSchema);
    const author = await Author.create({ name: 'Ada', secret: 'hidden' });
    await Post.create({ title: 'Hello', author: author._id });
    const post = await Post.findOne({ title: 'Hello' }).populate('author').lean<{ author: { name: string; secret?: string } }>();
    expect(post?.author.name).toBe('Ada');
    expect(post?.author.secret).toBeUndefined();
    const withSecret = await Author.findById(author._id).select('+secret').lean<{ secret: string }>();
    expect(withSecret?.secret).toBe('hidden');

    const Event = conn.model<EventDoc>('Event', new Schema<EventDoc>({ at: Date }, { discriminatorKey: 'kind' }));
    const Click = Event.discriminator<EventDoc & { x: number }>('Click', new Schema({ x: Number }));
    await Click.create({ at: new Date(), x: 3 });
    await Event.create({ at: new Date() });
    expect(await Event.countDocuments()).toBe(2);
    expect(await Click.countDocuments()).toBe(1);
    expect((await Event.findOne({ kind: 'Click' }).lean<{ x: number }>())?.x).toBe(3);
  });

  it('syncIndexes drops indexes the schema no longer declares and keeps the declared ones', async () => {
    const { Team } = models();
    await Team.init();
    await Team.collection.createIndex({ name: 1 }, { name: 'stray_name' });
    const dropped = await Team.syncIndexes();
    expect(dropped).toEqual(['stray_name']);
    const names = (await Team.collection.listIndexes().toArray()).map((i) => i.name);
    expect(names).toContain('orgId_1_slug_1');
    expect(names).not.toContain('stray_name');
  });
});
