import request from 'supertest';
import { AuditAction } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
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

beforeAll(async () => {
  ctx = await createTestContext('users-admin');
  ({ orgA, orgB, adminA, adminB, userA } = await makeTwoOrganisations(ctx));
});
afterAll(() => ctx.close());

const as = (user: TestUser) => ({
  get: (path: string) => request(ctx.app).get(path).set('Authorization', `Bearer ${ctx.tokenFor(user)}`),
  post: (path: string, body?: object) => request(ctx.app).post(path).set('Authorization', `Bearer ${ctx.tokenFor(user)}`).send(body),
  patch: (path: string, body?: object) => request(ctx.app).patch(path).set('Authorization', `Bearer ${ctx.tokenFor(user)}`).send(body),
  delete: (path: string) => request(ctx.app).delete(path).set('Authorization', `Bearer ${ctx.tokenFor(user)}`),
});

describe('creating users', () => {
  it('an admin creates a user in their organisation; it can log in and is audited', async () => {
    const res = await as(adminA).post('/api/users', { email: 'New.Person@Example.test', password: 'long-enough-1', name: 'New Person' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ email: 'new.person@example.test', role: 'USER', organizationId: String(orgA._id) }));
    const stored = await ctx.methods.findUserInOrg(orgA._id, res.body.id);
    expect(stored?.email).toBe('new.person@example.test');
    const login = await request(ctx.app).post('/api/auth/login').send({ email: 'new.person@example.test', password: 'long-enough-1' });
    expect(login.status).toBe(200);
    const audit = await ctx.methods.listAuditEntries({ organizationId: orgA._id, action: AuditAction.USER_CREATE });
    expect(audit.data[0]).toEqual(expect.objectContaining({ targetId: res.body.id }));
    expect(JSON.stringify(audit.data[0]?.details)).not.toContain('long-enough-1');
  });

  it('answers 409 for an email that is taken, and creates nothing', async () => {
    const res = await as(adminA).post('/api/users', { email: userA.email, password: 'long-enough-1' });
    expectError(res, 409, 'CONFLICT');
  });

  it('answers 400 naming each invalid field', async () => {
    const res = await as(adminA).post('/api/users', { email: 'x', password: 'short', name: 42, extra: 1 });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(expect.arrayContaining(['email', 'password', 'name', 'extra']));
  });

  it('answers 400 for a role that does not exist in the organisation', async () => {
    const res = await as(adminA).post('/api/users', { email: 'ghost@example.test', password: 'long-enough-1', role: 'NOPE' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['role']);
    expect(await ctx.methods.findUserByEmail('ghost@example.test')).toBeNull();
  });

  it('a USER gets 403 on every admin user endpoint', async () => {
    expectError(await as(userA).get('/api/users'), 403, 'FORBIDDEN');
    expectError(await as(userA).post('/api/users', { email: 'z@example.test', password: 'long-enough-1' }), 403, 'FORBIDDEN');
    expectError(await as(userA).get(`/api/users/${adminA.id}`), 403, 'FORBIDDEN');
    expectError(await as(userA).patch(`/api/users/${adminA.id}`, { role: 'USER' }), 403, 'FORBIDDEN');
    expectError(await as(userA).delete(`/api/users/${adminA.id}`), 403, 'FORBIDDEN');
    expect((await ctx.methods.findUserInOrg(orgA._id, adminA._id))?.role).toBe('ADMIN');
  });
});

describe('listing users', () => {
  it('pages with limit and an opaque cursor, newest first, without repeats', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    for (let i = 0; i < 4; i += 1) await ctx.makeUser(org, { email: `page${i}@example.test` });
    const first = await as(admin).get('/api/users?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.has_more).toBe(true);
    expect(first.body.data[0].email).toBe('page3@example.test');
    const second = await as(admin).get(`/api/users?limit=2&after=${first.body.after}`);
    const third = await as(admin).get(`/api/users?limit=2&after=${second.body.after}`);
    const all = [...first.body.data, ...second.body.data, ...third.body.data].map((u: { email: string }) => u.email);
    expect(all).toEqual(['page3@example.test', 'page2@example.test', 'page1@example.test', 'page0@example.test', admin.email]);
    expect(third.body.has_more).toBe(false);
    expect(third.body.after).toBeNull();
  });

  it('filters by a prefix of the email or name', async () => {
    const res = await as(adminA).get(`/api/users?search=${encodeURIComponent(userA.email.slice(0, 12))}`);
    expect(res.body.data.map((u: { id: string }) => u.id)).toEqual([userA.id]);
  });

  it('never lists users of another organisation', async () => {
    const res = await as(adminB).get('/api/users?limit=100');
    expect(res.body.data.map((u: { id: string }) => u.id)).toEqual([adminB.id]);
  });

  it('answers 400 for a bad limit or a bad cursor', async () => {
    const zero = await as(adminA).get('/api/users?limit=0');
    expect(detailFields(zero)).toEqual(['limit']);
    expectError(await as(adminA).get('/api/users?limit=101'), 400, 'VALIDATION_FAILED');
    const cursor = await as(adminA).get('/api/users?after=not-a-cursor');
    expectError(cursor, 400, 'VALIDATION_FAILED');
    expect(detailFields(cursor)).toEqual(['after']);
  });
});

describe('reading, changing and deleting users', () => {
  it('an admin of organisation A gets 404 for a user of organisation B (get, patch, delete)', async () => {
    expectError(await as(adminA).get(`/api/users/${adminB.id}`), 404, 'NOT_FOUND');
    expectError(await as(adminA).patch(`/api/users/${adminB.id}`, { name: 'x' }), 404, 'NOT_FOUND');
    expectError(await as(adminA).delete(`/api/users/${adminB.id}`), 404, 'NOT_FOUND');
    expect(await ctx.methods.findUserInOrg(orgB._id, adminB._id)).not.toBeNull();
  });

  it('answers 404 for an id that exists nowhere', async () => {
    expectError(await as(adminA).get('/api/users/0123456789abcdef01234567'), 404, 'NOT_FOUND');
  });

  it('changing a role takes effect on the next request of that user', async () => {
    const promoted = await ctx.makeUser(orgA);
    expectError(await as(promoted).get('/api/users'), 403, 'FORBIDDEN');
    const res = await as(adminA).patch(`/api/users/${promoted.id}`, { role: 'ADMIN' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('ADMIN');
    expect((await as(promoted).get('/api/users')).status).toBe(200);
    const audit = await ctx.methods.listAuditEntries({ organizationId: orgA._id, action: AuditAction.USER_UPDATE });
    expect(audit.data[0]?.details).toEqual(expect.objectContaining({ fromRole: 'USER', toRole: 'ADMIN' }));
  });

  it('an admin cannot change their own role (409) or delete themselves (409)', async () => {
    expectError(await as(adminA).patch(`/api/users/${adminA.id}`, { role: 'USER' }), 409, 'CONFLICT');
    expectError(await as(adminA).delete(`/api/users/${adminA.id}`), 409, 'CONFLICT');
    expect((await ctx.methods.findUserInOrg(orgA._id, adminA._id))?.role).toBe('ADMIN');
  });

  it('answers 400 for an unknown role and for unknown fields', async () => {
    expect(detailFields(await as(adminA).patch(`/api/users/${userA.id}`, { role: 'NOPE' }))).toEqual(['role']);
    expect(detailFields(await as(adminA).patch(`/api/users/${userA.id}`, { email: 'x@example.test' }))).toEqual(['email']);
  });

  it('deleting a user removes their memberships and keys and ends their access; deleting twice is 404', async () => {
    const doomed = await ctx.makeUser(orgA);
    const group = await ctx.makeGroup(orgA, [doomed]);
    const key = await ctx.apiKeyFor(doomed);
    const token = ctx.tokenFor(doomed);
    expect((await request(ctx.app).get('/api/user').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await as(adminA).delete(`/api/users/${doomed.id}`)).status).toBe(204);
    expect(await ctx.methods.findUserInOrg(orgA._id, doomed._id)).toBeNull();
    expect((await ctx.methods.findGroupInOrg(orgA._id, group._id))?.members).toEqual([]);
    expect((await ctx.methods.listApiKeys({ organizationId: orgA._id, userId: doomed._id })).data).toEqual([]);
    expectError(await request(ctx.app).get('/api/user').set('Authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED');
    expectError(await request(ctx.app).get('/api/user').set('Authorization', `Bearer ${key}`), 401, 'UNAUTHENTICATED');
    expectError(await as(adminA).delete(`/api/users/${doomed.id}`), 404, 'NOT_FOUND');
    expectError(await as(adminA).get(`/api/users/${doomed.id}`), 404, 'NOT_FOUND');
  });
});
