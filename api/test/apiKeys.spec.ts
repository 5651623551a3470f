import request from 'supertest';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { makeTwoOrganisations } from './support/twoOrganisations';
import { detailFields, expectError } from './support/expectError';

let ctx: TestContext;
let orgA: IOrganization;
let orgB: IOrganization;
let adminA: TestUser;
let adminB: TestUser;
let userA: TestUser;
let otherA: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('api-keys');
  ({ orgA, orgB, adminA, adminB, userA } = await makeTwoOrganisations(ctx));
  otherA = await ctx.makeUser(orgA);
});
afterAll(() => ctx.close());

const withKey = (key: string) => request(ctx.app).get('/api/user').set('Authorization', `Bearer ${key}`);

describe('API keys', () => {
  it('a user creates a key: the secret is returned once, never listed, and works for admin HTTP clients', async () => {
    const res = await as(ctx, userA).post('/api/keys', { name: 'laptop' });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^mcpr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
    expect(res.body).toEqual(expect.objectContaining({ name: 'laptop', userId: userA.id, lastUsedAt: null, expiresAt: null }));
    const list = await as(ctx, userA).get('/api/keys');
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(res.body.key);
    expect((await withKey(res.body.key)).body.id).toBe(userA.id);
  });

  it('an admin key can call admin endpoints', async () => {
    const res = await as(ctx, adminA).post('/api/keys', { name: 'ci' });
    const users = await request(ctx.app).get('/api/users').set('Authorization', `Bearer ${res.body.key}`);
    expect(users.status).toBe(200);
  });

  it('a user cannot create or list keys of another user (403), an admin can', async () => {
    expectError(await as(ctx, userA).post('/api/keys', { name: 'x', userId: otherA.id }), 403, 'FORBIDDEN');
    expectError(await as(ctx, userA).get(`/api/keys?userId=${otherA.id}`), 403, 'FORBIDDEN');
    const created = await as(ctx, adminA).post('/api/keys', { name: 'for other', userId: otherA.id });
    expect(created.status).toBe(201);
    expect(created.body.userId).toBe(otherA.id);
    const listed = await as(ctx, adminA).get(`/api/keys?userId=${otherA.id}`);
    expect(listed.body.data.map((k: { id: string }) => k.id)).toEqual([created.body.id]);
  });

  it('a user cannot revoke another user’s key (404), an admin of the organisation can', async () => {
    const created = await as(ctx, adminA).post('/api/keys', { name: 'victim', userId: otherA.id });
    expectError(await as(ctx, userA).delete(`/api/keys/${created.body.id}`), 404, 'NOT_FOUND');
    expect((await withKey(created.body.key)).status).toBe(200);
    expect((await as(ctx, adminA).delete(`/api/keys/${created.body.id}`)).status).toBe(204);
    expectError(await withKey(created.body.key), 401, 'UNAUTHENTICATED');
    expectError(await as(ctx, adminA).delete(`/api/keys/${created.body.id}`), 404, 'NOT_FOUND');
  });

  it('an admin of organisation B gets 404 for keys and users of organisation A', async () => {
    const created = await as(ctx, userA).post('/api/keys', { name: 'mine' });
    expectError(await as(ctx, adminB).delete(`/api/keys/${created.body.id}`), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminB).get(`/api/keys?userId=${userA.id}`), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminB).post('/api/keys', { name: 'x', userId: userA.id }), 404, 'NOT_FOUND');
    expect(await ctx.methods.findApiKeyInOrg(orgA._id, created.body.id)).not.toBeNull();
  });

  it('answers 400 for a missing name, a past expiry, a malformed user id and unknown fields', async () => {
    const res = await as(ctx, userA).post('/api/keys', { expiresAt: '2001-01-01T00:00:00Z', userId: 'x', scope: 'all' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(expect.arrayContaining(['name', 'expiresAt', 'userId', 'scope']));
    expect(detailFields(await as(ctx, userA).delete('/api/keys/123'))).toEqual(['id']);
  });

  it('a key with an expiry stops working after it, even while it is cached', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const res = await as(ctx, userA).post('/api/keys', { name: 'short', expiresAt: soon });
    expect(res.body.expiresAt).toBe(soon);
    expect((await withKey(res.body.key)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
    expectError(await withKey(res.body.key), 401, 'UNAUTHENTICATED');
  });
});
