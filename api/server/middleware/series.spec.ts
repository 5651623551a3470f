import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import request from 'supertest';
import { series } from './series';

function appWith(handler: RequestHandler) {
  const app = express();
  app.use(handler);
  app.get('/', (_req, res) => {
    res.json({ reached: true, steps: res.getHeader('x-steps') ?? null });
  });
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error.message, steps: res.getHeader('x-steps') ?? null });
  });
  return app;
}

const step = (name: string): RequestHandler => (_req, res, next) => {
  res.setHeader('x-steps', `${String(res.getHeader('x-steps') ?? '')}${name}`);
  next();
};

describe('series', () => {
  it('runs every handler in order, then the rest of the app', async () => {
    const res = await request(appWith(series(step('a'), step('b'), step('c')))).get('/');
    expect(res.body).toEqual({ reached: true, steps: 'abc' });
  });

  it('waits for a handler that calls next later', async () => {
    const later: RequestHandler = (_req, _res, next) => void setImmediate(next);
    const res = await request(appWith(series(step('a'), later, step('b')))).get('/');
    expect(res.body).toEqual({ reached: true, steps: 'ab' });
  });

  it('hands an error passed to next straight to the error handler, skipping the remaining handlers', async () => {
    const failing: RequestHandler = (_req, _res, next) => next(new Error('refused'));
    const res = await request(appWith(series(step('a'), failing, step('b')))).get('/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'refused', steps: 'a' });
  });

  it('hands a synchronous throw to the error handler', async () => {
    const throwing: RequestHandler = () => {
      throw new Error('thrown');
    };
    const res = await request(appWith(series(step('a'), throwing))).get('/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'thrown', steps: 'a' });
  });

  it('lets a handler answer the request itself', async () => {
    const answering: RequestHandler = (_req, res) => void res.status(204).end();
    const res = await request(appWith(series(step('a'), answering, step('b')))).get('/');
    expect(res.status).toBe(204);
    expect(res.headers['x-steps']).toBe('a');
  });

  it('with no handlers passes straight on', async () => {
    expect((await request(appWith(series())).get('/')).body).toEqual({ reached: true, steps: null });
  });
});
