import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import request from 'supertest';
import { createLogger } from '@mcp-registry/data-schemas';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { errorHandler } from '../server/middleware/errorHandler';
import { requestContext } from '../server/middleware/requestContext';
import { createRequireJwtAuth } from '../server/middleware/requireJwtAuth';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';

/** Express itself runs the middleware chain, so an error anywhere in it reaches the one error handler. */
let ctx: TestContext;
let org: IOrganization;
let user: TestUser;
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  ctx = await createTestContext('http-middleware-chain');
  org = await ctx.makeOrg();
  user = await ctx.makeUser(org);
  process.on('uncaughtException', recordUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', recordUncaught);
  await ctx.close();
});

function appWith(...handlers: RequestHandler[]) {
  const logger = createLogger({ silent: true });
  const app = express();
  app.use(requestContext(logger));
  app.get('/chain', ...handlers);
  app.use(errorHandler(logger));
  return app;
}

const throwing = (): never => {
  throw new Error('handler failed at internals.js:7');
};

describe('an error thrown after an asynchronous next', () => {
  it('from a handler after the real authentication (which reads the database first) is a 500 envelope with the request id', async () => {
    const res = await request(appWith(createRequireJwtAuth(ctx.app.services.auth), throwing)).get('/chain').set('Authorization', `Bearer ${ctx.tokenFor(user)}`);

    expect(expectError(res, 500, 'INTERNAL').requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toContain('internals.js');
    expect(uncaught).toEqual([]);
  });

  it('from a handler after a middleware that calls next on a later tick is a 500 envelope, not an uncaught exception', async () => {
    const later = (_req: Request, _res: Response, next: NextFunction): void => {
      setImmediate(next);
    };
    const res = await request(appWith(later, later, throwing)).get('/chain').set('X-Request-Id', 'trace-async-next');

    expect(expectError(res, 500, 'INTERNAL').requestId).toBe('trace-async-next');
    expect(uncaught).toEqual([]);
  });

  it('from an async handler that rejects after awaiting is a 500 envelope as well', async () => {
    const rejecting = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throwing();
    };
    const res = await request(appWith(createRequireJwtAuth(ctx.app.services.auth), rejecting)).get('/chain').set('Authorization', `Bearer ${ctx.tokenFor(user)}`);

    expectError(res, 500, 'INTERNAL');
    expect(uncaught).toEqual([]);
  });
});
