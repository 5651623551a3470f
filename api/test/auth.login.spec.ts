import request from 'supertest';
import { AuditAction, REFRESH_COOKIE_NAME } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';
import type { IOrganization } from '@mcp-registry/data-schemas';

let ctx: TestContext;
let org: IOrganization;
let user: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('auth-login');
  org = await ctx.makeOrg();
  user = await ctx.makeUser(org, { email: 'Alice@Example.test' });
});
afterAll(() => ctx.close());

function refreshCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie;
}

const cookiePair = (cookie: string) => cookie.split(';')[0] as string;

describe('POST /api/auth/login', () => {
  it('returns a token and the user, sets an httpOnly refresh cookie, and records the login', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: 'alice@example.test', password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body.user).toEqual(expect.objectContaining({ id: user.id, email: 'alice@example.test', role: 'USER' }));
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = refreshCookie(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await request(ctx.app).get('/api/user').set('Authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    const audit = await ctx.methods.listAuditEntries({ organizationId: org._id, action: AuditAction.AUTH_LOGIN });
    expect(audit.data.map((e) => String(e.actorId))).toContain(user.id);
  });

  it('accepts the email in any letter case', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: 'ALICE@example.TEST', password: user.password });
    expect(res.status).toBe(200);
  });

  it('answers 401 for a wrong password and records the failure', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: user.email, password: 'wrong-password' });
    expect(expectError(res, 401, 'UNAUTHENTICATED').message).toBe('Invalid email or password');
    expect(res.headers['set-cookie']).toBeUndefined();
    const audit = await ctx.methods.listAuditEntries({ organizationId: org._id, action: AuditAction.AUTH_LOGIN_FAILED });
    expect(audit.data.length).toBeGreaterThan(0);
  });

  it('answers 401 with the same message for an unknown email', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: 'nobody@example.test', password: 'whatever1' });
    expect(expectError(res, 401, 'UNAUTHENTICATED').message).toBe('Invalid email or password');
  });

  it('answers 400 naming every missing or malformed field', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: 'not-an-email' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('answers 400 for unknown fields in the body', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: user.email, password: user.password, admin: true });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toContain('admin');
  });

  it('answers 400 when a field has the wrong type', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ email: user.email, password: 12345678 });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toContain('password');
  });
});

describe('refresh and logout', () => {
  it('exchanges the refresh cookie for a new token and rotates the cookie; the old cookie then fails', async () => {
    const login = await request(ctx.app).post('/api/auth/login').send({ email: user.email, password: user.password });
    const first = cookiePair(refreshCookie(login));
    const refreshed = await request(ctx.app).post('/api/auth/refresh').set('Cookie', first);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(user.id);
    const second = cookiePair(refreshCookie(refreshed));
    expect(second).not.toBe(first);
    const me = await request(ctx.app).get('/api/user').set('Authorization', `Bearer ${refreshed.body.token}`);
    expect(me.status).toBe(200);
    const replay = await request(ctx.app).post('/api/auth/refresh').set('Cookie', first);
    expectError(replay, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 without a refresh cookie, or with a garbage one', async () => {
    expectError(await request(ctx.app).post('/api/auth/refresh'), 401, 'UNAUTHENTICATED');
    expectError(await request(ctx.app).post('/api/auth/refresh').set('Cookie', `${REFRESH_COOKIE_NAME}=garbage`), 401, 'UNAUTHENTICATED');
  });

  it('does not accept an access token as a refresh token', async () => {
    const res = await request(ctx.app).post('/api/auth/refresh').set('Cookie', `${REFRESH_COOKIE_NAME}=${ctx.tokenFor(user)}`);
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('logout ends the session: the cookie is cleared and can no longer refresh', async () => {
    const login = await request(ctx.app).post('/api/auth/login').send({ email: user.email, password: user.password });
    const cookie = cookiePair(refreshCookie(login));
    const out = await request(ctx.app).post('/api/auth/logout').set('Cookie', cookie);
    expect(out.status).toBe(204);
    expect(refreshCookie(out)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expectError(await request(ctx.app).post('/api/auth/refresh').set('Cookie', cookie), 401, 'UNAUTHENTICATED');
  });

  it('logout without a session still answers 204', async () => {
    expect((await request(ctx.app).post('/api/auth/logout')).status).toBe(204);
  });
});

describe('login rate limit', () => {
  it('answers 429 with the envelope after too many attempts from one client', async () => {
    const limited = await createTestContext('auth-ratelimit', {
      auth: { jwtSecret: 'x'.repeat(40), jwtRefreshSecret: 'y'.repeat(40), loginRateLimit: { windowMs: 60_000, max: 3 } },
    });
    try {
      const attempt = () => request(limited.app).post('/api/auth/login').send({ email: 'a@example.test', password: 'wrong-pass' });
      for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
      const res = await attempt();
      expectError(res, 429, 'RATE_LIMITED');
      expect(res.headers['ratelimit-limit'] ?? res.headers.ratelimit).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
