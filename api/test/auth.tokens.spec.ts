import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';

let ctx: TestContext;
let org: IOrganization;
let user: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('auth-tokens');
  org = await ctx.makeOrg();
  user = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

const me = (authorization?: string) => {
  const req = request(ctx.app).get('/api/user');
  return authorization === undefined ? req : req.set('Authorization', authorization);
};

function signWith(secret: string, claims: Record<string, unknown>) {
  const options: jwt.SignOptions = { algorithm: 'HS256', issuer: 'mcp-registry', audience: 'access', subject: user.id };
  return jwt.sign(claims, createSecretKey(Buffer.from(secret)), 'exp' in claims ? options : { ...options, expiresIn: 60 });
}

describe('requireJwtAuth with JWTs', () => {
  it('answers 401 when the Authorization header is absent', async () => {
    expectError(await me(), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for a garbage token and for a non-Bearer scheme', async () => {
    expectError(await me('Bearer not.a.jwt'), 401, 'UNAUTHENTICATED');
    expectError(await me('Bearer'), 401, 'UNAUTHENTICATED');
    expectError(await me(`Basic ${Buffer.from('a:b').toString('base64')}`), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for an expired token', async () => {
    const expired = signWith(ctx.config.auth.jwtSecret, { org: String(org._id), exp: Math.floor(Date.now() / 1000) - 10 });
    expect(expectError(await me(`Bearer ${expired}`), 401, 'UNAUTHENTICATED').message).toBe('Token expired');
  });

  it('answers 401 for a token signed with another secret', async () => {
    const forged = signWith('another-secret-that-is-long-enough-000', { org: String(org._id) });
    expectError(await me(`Bearer ${forged}`), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: user.id, org: String(org._id), iss: 'mcp-registry', aud: 'access', exp: Math.floor(Date.now() / 1000) + 60 }),
    ).toString('base64url');
    expectError(await me(`Bearer ${header}.${payload}.`), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for a token of a deleted user', async () => {
    const doomed = await ctx.makeUser(org);
    const token = ctx.tokenFor(doomed);
    await ctx.methods.deleteUser(org._id, doomed._id);
    expectError(await me(`Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });

  it('returns the caller for a valid token', async () => {
    const res = await me(`Bearer ${ctx.tokenFor(user)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      organizationId: String(org._id),
      email: user.email,
      name: user.name,
      role: 'USER',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });
});

describe('GET /api/user for a cached caller', () => {
  it('answers repeated requests with one token identically, each with its own request id', async () => {
    const token = `Bearer ${ctx.tokenFor(user)}`;
    const [first, second] = [await me(token), await me(token)];
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(JSON.parse(second.text)).toEqual(expect.objectContaining({ id: user.id, email: user.email }));
  });

  it('answers HEAD with the JSON headers and no body', async () => {
    const res = await request(ctx.app).head('/api/user').set('Authorization', `Bearer ${ctx.tokenFor(user)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.text).toBeUndefined();
  });

  it('shows a role change made through the API on the caller’s next request', async () => {
    const admin = await ctx.makeAdmin(org);
    const changing = await ctx.makeUser(org);
    const token = `Bearer ${ctx.tokenFor(changing)}`;
    expect((await me(token)).body.role).toBe('USER');
    const patched = await request(ctx.app).patch(`/api/users/${changing.id}`).set('Authorization', `Bearer ${ctx.tokenFor(admin)}`).send({ role: 'ADMIN' });
    expect(patched.status).toBe(200);
    expect((await me(token)).body.role).toBe('ADMIN');
    expect((await ctx.methods.findUserInOrg(org._id, changing._id))?.role).toBe('ADMIN');
  });
});

describe('requireJwtAuth with API keys', () => {
  it('accepts an API key, records its use, and rejects it once revoked', async () => {
    const key = await ctx.apiKeyFor(user);
    const ok = await me(`Bearer ${key}`);
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe(user.id);
    const list = await request(ctx.app).get('/api/keys').set('Authorization', `Bearer ${key}`);
    expect(list.status).toBe(200);
    const stored = list.body.data[0];
    expect(stored.prefix).toBe(key.split('_').slice(0, 2).join('_'));
    expect(stored.lastUsedAt).toEqual(expect.any(String));
    const revoke = await request(ctx.app).delete(`/api/keys/${stored.id}`).set('Authorization', `Bearer ${key}`);
    expect(revoke.status).toBe(204);
    expectError(await me(`Bearer ${key}`), 401, 'UNAUTHENTICATED');
    expect((await ctx.methods.findApiKeyInOrg(org._id, stored.id))).toBeNull();
  });

  it('rejects an unknown key and an expired key', async () => {
    expectError(await me('Bearer mcpr_deadbeef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 401, 'UNAUTHENTICATED');
    const expiring = await ctx.apiKeyFor(user, { expiresAt: new Date(Date.now() - 1000) });
    expect(expectError(await me(`Bearer ${expiring}`), 401, 'UNAUTHENTICATED').message).toBe('API key expired');
  });
});
