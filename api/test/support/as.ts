import request from 'supertest';
import type { TestContext } from './context';

/** Requests made as `user` (JWT), e.g. `as(ctx, admin).post('/api/groups', { name })`. */
export function as(ctx: TestContext, user: { _id: unknown; organizationId: unknown }) {
  const auth = () => `Bearer ${ctx.tokenFor(user)}`;
  return {
    get: (path: string) => request(ctx.app).get(path).set('Authorization', auth()),
    post: (path: string, body?: object) => request(ctx.app).post(path).set('Authorization', auth()).send(body),
    put: (path: string, body?: object) => request(ctx.app).put(path).set('Authorization', auth()).send(body),
    patch: (path: string, body?: object) => request(ctx.app).patch(path).set('Authorization', auth()).send(body),
    delete: (path: string) => request(ctx.app).delete(path).set('Authorization', auth()),
  };
}
